import Foundation

/// Three small messages (a quoted reply with a signature, an RFC 3834 auto-reply, an RFC 3464 bounce) that a sink
/// runs through its analysis and a rolled-back store write while a source is still connecting
/// (``InboundSink/warmUp()``): the code, tables and statements the first real batch needs are then ready. Nothing
/// of them is stored or logged.
enum RehearsalMessages {
    static let all: [Data] = [reply, autoReply, bounce].map { Data($0.replacingOccurrences(of: "\n", with: "\r\n").utf8) }

    private static let reply = """
        From: Claire Martin <claire.martin@example.com>
        To: Relances <relances@example.net>
        Subject: Re: Facture F-2026-0001
        Message-ID: <rehearsal-reply@example.com>
        In-Reply-To: <rehearsal-dunning@example.net>
        Date: Mon, 30 Nov 2026 09:00:00 +0100
        MIME-Version: 1.0
        Content-Type: text/plain; charset=utf-8
        Content-Transfer-Encoding: quoted-printable

        Bonjour,

        Le paiement de la facture F-2026-0001 (1 250,00 EUR) part le 4 d=C3=A9cembre.

        Cordialement,
        Claire Martin
        T=C3=A9l. +33 1 00 00 00 00

        Le 29 nov. 2026 =C3=A0 10:00, Relances <relances@example.net> a =C3=A9crit :
        > Votre facture F-2026-0001 est =C3=A9chue.

        """

    private static let autoReply = """
        From: Jan Novak <jan.novak@example.org>
        To: Relances <relances@example.net>
        Subject: Automatic reply: Invoice F-2026-0002
        Message-ID: <rehearsal-auto@example.org>
        Auto-Submitted: auto-replied
        Date: Mon, 30 Nov 2026 09:01:00 +0100
        Content-Type: text/plain; charset=us-ascii

        I am out of the office until 7 December 2026. For urgent matters, contact accounts@example.org.

        """

    private static let bounce = """
        From: Mail Delivery System <MAILER-DAEMON@example.net>
        To: relances@example.net
        Subject: Undelivered Mail Returned to Sender
        Message-ID: <rehearsal-bounce@example.net>
        Date: Mon, 30 Nov 2026 09:02:00 +0100
        MIME-Version: 1.0
        Content-Type: multipart/report; report-type=delivery-status; boundary="b1"

        --b1
        Content-Type: text/plain; charset=us-ascii

        I'm sorry to have to inform you that your message could not be delivered.

        --b1
        Content-Type: message/delivery-status

        Reporting-MTA: dns; mail.example.net

        Final-Recipient: rfc822; nobody@example.com
        Action: failed
        Status: 5.1.1
        Diagnostic-Code: smtp; 550 5.1.1 <nobody@example.com>: Recipient address rejected: User unknown

        --b1
        Content-Type: text/rfc822-headers

        From: Relances <relances@example.net>
        To: nobody@example.com
        Subject: Facture F-2026-0003
        Message-ID: <rehearsal-dunning-3@example.net>

        --b1--

        """
}
