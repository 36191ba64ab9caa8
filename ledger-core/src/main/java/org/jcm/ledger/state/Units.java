package org.jcm.ledger.state;

import java.util.ArrayList;
import java.util.List;
import org.jcm.ledger.event.BlockRange;
import org.jcm.ledger.id.PartyCode;
import org.jcm.ledger.rule.Outcome.Rejected;
import org.jcm.ledger.rule.Rejection;
import org.jcm.ledger.serial.BlockSerial;

/** Resolving units named by serial ranges against the live blocks, for the state machine (reads only). */
final class Units {

    private Units() {
    }

    /** A part of a live block named by a command: the block and the units of it that are named. */
    record Piece(Block block, long first, long last) {
        BlockRange range() {
            return block.range(first, last);
        }

        /** The piece's serial, naming its host when it is not the project's first host. */
        BlockSerial serial(LedgerData s) {
            return Units.serial(s, range());
        }

        long size() {
            return last - first + 1;
        }
    }

    /** unknown_project if a serial range names a project that is not registered. */
    static Rejected unknownProjects(LedgerData s, List<BlockSerial> serials) {
        for (BlockSerial serial : serials) {
            if (!s.projects.containsKey(serial.projectId())) {
                return StateMachine.reject(Rejection.UNKNOWN_PROJECT, "project " + serial.projectId() + " of serial range "
                        + serial + " is not registered");
            }
        }
        return null;
    }

    /**
     * The host whose numbering line a serial names: the one it names, else the project's (first)
     * host, which every serial written before multi-country projects means.
     */
    static PartyCode host(LedgerData s, BlockSerial serial) {
        return serial.hostOr(s.projects.get(serial.projectId()).hostParty());
    }

    /** The serial of a range of a registered project, naming its host when it is not the project's first host. */
    static BlockSerial serial(LedgerData s, BlockRange r) {
        return r.serial(s.projects.get(r.projectId()).hostParty());
    }

    static long total(List<BlockSerial> serials) {
        long sum = 0;
        for (BlockSerial serial : serials) {
            sum += serial.size();
        }
        return sum;
    }

    /** overlapping_serial_ranges if two named ranges share a unit of the same host Party and vintage. */
    static Rejected overlapping(LedgerData s, List<BlockSerial> serials) {
        if (serials.size() < 2) {
            return null;
        }
        List<BlockSerial> sorted = new ArrayList<>(serials);
        sorted.sort((a, b) -> {
            int c = host(s, a).compareTo(host(s, b));
            if (c == 0) {
                c = a.vintage().compareTo(b.vintage());
            }
            return c != 0 ? c : Long.compare(a.range().first(), b.range().first());
        });
        for (int i = 1; i < sorted.size(); i++) {
            BlockSerial prev = sorted.get(i - 1);
            BlockSerial next = sorted.get(i);
            if (host(s, prev).equals(host(s, next)) && prev.vintage().equals(next.vintage())
                    && prev.range().overlaps(next.range())) {
                return StateMachine.reject(Rejection.OVERLAPPING_SERIAL_RANGES, "serial ranges " + prev + " and " + next + " overlap");
            }
        }
        return null;
    }

    /**
     * Appends the live-block pieces that make up the named units; unknown_units if some unit was
     * never issued or belongs to another project than the serial names.
     */
    static Rejected collect(LedgerData s, BlockSerial serial, List<Piece> out) {
        UnitLine line = s.line(host(s, serial), serial.vintage());
        long cur = serial.range().first();
        long last = serial.range().last();
        while (cur <= last) {
            Block b = line == null ? null : line.containing(cur);
            if (b == null || !b.project.equals(serial.projectId())) {
                return StateMachine.reject(Rejection.UNKNOWN_UNITS, "unit " + cur + " of " + serial
                        + " was not issued for that project and vintage in " + host(s, serial) + "'s numbering");
            }
            long end = Math.min(b.last, last);
            out.add(new Piece(b, cur, end));
            cur = end + 1;
        }
        return null;
    }

    /** Appends the pieces of every live block within {@code r} (a range named by an earlier event). */
    static void collect(LedgerData s, BlockRange r, List<Piece> out) {
        UnitLine line = s.line(r.hostParty(), r.vintage());
        long cur = r.first();
        while (cur <= r.last()) {
            Block b = line.containing(cur);
            long end = Math.min(b.last, r.last());
            out.add(new Piece(b, cur, end));
            cur = end + 1;
        }
    }

    static List<BlockRange> ranges(List<Piece> pieces) {
        List<BlockRange> ranges = new ArrayList<>(pieces.size());
        for (Piece p : pieces) {
            ranges.add(p.range());
        }
        return ranges;
    }
}
