extension ReasonRule {
    /// Delivery kept failing temporarily until the queue lifetime ran out (RFC 3463 X.4.7).
    static let expired = ReasonRule(.expired, [
        "retry timeout exceeded", "retry time not reached", "delivery time expired", "message expired",
        "queue time expired", "time expired", "has expired", "giving up", "gave up", "given up",
        "could not be delivered within", "could not be delivered for", "could not deliver for",
        "unable to deliver for", "was not delivered within", "delivery attempts will continue", "been delayed",
        "delivery is delayed", "has not been delivered", "delayed mail", "still undeliverable",
        "too long in queue", "message timed out", "undeliverable for", "queued too long", "retry limit exceeded",
        "exceeded the maximum time", "maximum time", "expiration", "no further attempts",
        "delivery failed after", 
            "envelope expired", "did not accept our requests to connect", "connection timed out", "connection timeout", "timed out", "in the queue too long", "after multiple retries", "has been in the queue",
    ])
}
