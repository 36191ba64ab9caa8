package org.jcm.settlement.feed;

/** Tonnes issued, transferred, retired and cancelled for one host Party on one day, summed over a batch. */
public final class VolumeDelta {

    private long issued;
    private long transferred;
    private long retired;
    private long cancelled;

    public void addIssued(long tonnes) {
        issued += tonnes;
    }

    public void addTransferred(long tonnes) {
        transferred += tonnes;
    }

    public void addRetired(long tonnes) {
        retired += tonnes;
    }

    public void addCancelled(long tonnes) {
        cancelled += tonnes;
    }

    public long issued() {
        return issued;
    }

    public long transferred() {
        return transferred;
    }

    public long retired() {
        return retired;
    }

    public long cancelled() {
        return cancelled;
    }
}
