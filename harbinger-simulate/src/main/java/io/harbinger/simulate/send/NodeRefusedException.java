package io.harbinger.simulate.send;

/** The node refused a request for a reason a retry does not mend (anything but 429 and 503): the simulation stops with it. */
public final class NodeRefusedException extends RuntimeException {
    private final int status;

    public NodeRefusedException(String message, int status) {
        super(message);
        this.status = status;
    }

    /** HTTP status, or 0 when the node could not be reached at all. */
    public int status() {
        return status;
    }
}
