import Testing
@testable import FeedbackClassifier

@Suite struct IntentsTests {
    @Test func ninePublishedIntents() {
        #expect(FeedbackClassifierInfo.intents.count == 9)
        #expect(Set(FeedbackClassifierInfo.intents).count == 9)
    }
}
