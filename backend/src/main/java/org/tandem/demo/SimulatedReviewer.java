package org.tandem.demo;

import java.util.Random;

/**
 * The demo's simulated people: a seeded, deterministic policy of what the reviewer does with a
 * draft and how long each step takes. Only the choices and durations are simulated; every action
 * goes through the services the screens call. With the offline drafter every draft keeps an
 * « À COMPLÉTER » the approval refuses, so an "accept" is sent back to be completed by the approver,
 * as it would be in real life: nobody can approve a letter still missing its answer.
 */
final class SimulatedReviewer {

    enum Path {
        /** accepted at review, returned at approval to complete the missing answer */
        ACCEPT_THEN_COMPLETE,
        /** edited: the answer written in, little else */
        LIGHT_EDIT,
        /** edited: the answer written in and the opening rewritten */
        HEAVY_EDIT,
        /** sent back to the AI once with an instruction, then edited */
        REGENERATE_THEN_EDIT,
        /** rejected: the adviser writes the letter by hand */
        REJECT_THEN_HAND_DRAFT,
        /** control group: no AI step, the adviser writes it by hand */
        HAND_DRAFT
    }

    /**
     * What happens to one case, in minutes after the request: the reviewer's first decision, the
     * text submitted, the approval; the survey answer and the member's satisfaction when given.
     */
    record Plan(
            Path path,
            int reviewAt,
            int submitAt,
            int approveAt,
            int comfort,
            Double minutesSaved,
            Integer satisfaction) {}

    private final Random random;

    SimulatedReviewer(long seed) {
        this.random = new Random(seed);
    }

    Plan next(boolean pilot) {
        if (!pilot) {
            int submit = between(12, 21);
            int approve = submit + between(2, 6);
            return new Plan(Path.HAND_DRAFT, 0, submit, approve, between(2, 4), null, satisfaction(3, 5));
        }
        int roll = random.nextInt(100);
        Path path = roll < 25
                ? Path.ACCEPT_THEN_COMPLETE
                : roll < 62
                        ? Path.LIGHT_EDIT
                        : roll < 80
                                ? Path.HEAVY_EDIT
                                : roll < 91 ? Path.REGENERATE_THEN_EDIT : Path.REJECT_THEN_HAND_DRAFT;
        int review = between(1, 4);
        int submit = switch (path) {
            case ACCEPT_THEN_COMPLETE, LIGHT_EDIT -> review + between(2, 5);
            case HEAVY_EDIT -> review + between(5, 9);
            case REGENERATE_THEN_EDIT -> review + between(4, 8);
            case REJECT_THEN_HAND_DRAFT -> review + between(12, 20);
            case HAND_DRAFT -> throw new IllegalStateException();
        };
        int approve = submit + between(1, 4);
        int comfort = path == Path.REJECT_THEN_HAND_DRAFT ? between(2, 3) : between(3, 5);
        double saved = path == Path.REJECT_THEN_HAND_DRAFT ? -between(1, 4) : between(4, 12);
        return new Plan(path, review, submit, approve, comfort, saved, satisfaction(3, 5));
    }

    /** A member's satisfaction, recorded on about two cases in three. */
    private Integer satisfaction(int min, int max) {
        return random.nextInt(3) == 0 ? null : between(min, max);
    }

    int between(int min, int max) {
        return min + random.nextInt(max - min + 1);
    }
}
