import AgendaStore

// AgendaStore, FeedbackClassifier and MailIngest each name a type `MessageAnalysis`, `Intent`, `Qualification`,
// `DisputeReason` or `Money`, and the module `AgendaStore` holds a protocol of its own name, so
// `AgendaStore.MessageAnalysis` does not spell the store's type. These aliases, declared where only AgendaStore is
// imported, name the store's types for the files that import several of the modules.

/// The store's classification record of a message.
typealias AgendaAnalysis = MessageAnalysis
/// The store's intent vocabulary.
typealias AgendaIntent = Intent
/// The store's qualification vocabulary.
typealias AgendaQualification = Qualification
/// The store's dispute reasons.
typealias AgendaDisputeReason = DisputeReason
/// The store's money (integer minor units).
typealias AgendaMoney = Money
/// A store the pipeline can write to and correlate with.
typealias PipelineStore = AgendaStore & CorrelationStore & InboundPipelineStore
