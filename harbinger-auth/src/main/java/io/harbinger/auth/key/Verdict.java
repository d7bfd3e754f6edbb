package io.harbinger.auth.key;

import io.harbinger.schema.auth.Principal;

/** Whether a request's credentials name a valid key ({@link Authenticator#verify}). */
public sealed interface Verdict {
    record Authenticated(Principal principal) implements Verdict {
    }

    /** 401: {@code reason} says why, {@code detail} in words that name no secret. */
    record Refused(Reason reason, String detail) implements Verdict {
    }

    /** Why a request is not authenticated; the label is the {@code error} of the 401's body. */
    enum Reason {
        MISSING, MALFORMED, UNKNOWN, REVOKED;

        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
