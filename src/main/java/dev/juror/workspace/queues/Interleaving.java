package dev.juror.workspace.queues;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Random;

/**
 * Shuffles each group with the seeded random draw and takes one from each group in turn, so any
 * first n of the result hold the groups in equal counts (within one) while every group lasts.
 */
final class Interleaving {

    private Interleaving() {
    }

    static List<Long> of(Collection<List<Long>> groups, Random random) {
        List<Iterator<Long>> shuffled = new ArrayList<>();
        for (List<Long> group : groups) {
            List<Long> copy = new ArrayList<>(group);
            Collections.shuffle(copy, random);
            shuffled.add(copy.iterator());
        }
        List<Long> out = new ArrayList<>();
        boolean any = true;
        while (any) {
            any = false;
            for (Iterator<Long> group : shuffled) {
                if (group.hasNext()) {
                    out.add(group.next());
                    any = true;
                }
            }
        }
        return out;
    }
}
