"""SMS on the server: messages from the outbox or the cadence, sent exactly once through a
gateway (Kannel's smsbox), delivery reports, the engagement page, and what they feed back."""
