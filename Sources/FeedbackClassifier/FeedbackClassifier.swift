/// The local statistical classifier of customers' replies (see DESIGN.md). Filled in by the classifier issue.
public enum FeedbackClassifierInfo {
    /// The intent labels of DESIGN.md.
    public static let intents = [
        "promise_to_pay", "payment_made", "dispute", "invoice_request", "payment_plan",
        "wrong_contact", "acknowledgement", "auto_reply", "other",
    ]
}
