extension ReasonRule {
    /// Delivery kept failing temporarily until the queue lifetime ran out (RFC 3463 X.4.7).
    static let expired = ReasonRule(.expired, [
        "retry timeout exceeded", "retry time not reached", "delivery time expired", "message expired",
        "queue time expired", "time expired", 
        "could not be delivered within", 
        "unable to deliver for", "was not delivered within", 
        "delayed mail", 
        "too long in queue", "message timed out", "queued too long", "retry limit exceeded",
        "exceeded the maximum time", 
        
            "envelope expired", "did not accept our requests to connect", "connection timed out", "connection timeout", "timed out", "after multiple retries", 
            "will continue trying", "will be retried",
            "host not reachable",
    ])
}

extension ReasonRule {
    /// Queue-lifetime boilerplate that often accompanies a more precise cause; tried after every other rule.
    static let expiredVague = ReasonRule(.expired, [
        "could not be delivered for", "could not deliver for", "giving up", "gave up", "given up", "been delayed",
        "delivery is delayed", "delivery attempts will continue", "still undeliverable", "undeliverable for",
        "no further attempts", "has expired", "in the queue too long", "has been in the queue",
    ])
}
