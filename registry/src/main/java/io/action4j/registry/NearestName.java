package io.action4j.registry;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/**
 * The known name a misspelt one most likely meant, for "did you mean" hints: the closest by edit distance
 * (insertions, deletions, substitutions and swaps of neighbours, case ignored), when it is close enough to
 * be a slip rather than another name: one edit for names under 7 characters, two for longer ones.
 */
public final class NearestName {

    private NearestName() {
    }

    /** The nearest of {@code known} to {@code wrong}, if one is close enough and no other is as close. */
    public static Optional<String> among(String wrong, Collection<String> known) {
        String target = wrong.toLowerCase(Locale.ROOT);
        int limit = Math.min(2, Math.max(1, (target.length() - 1) / 3));
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        boolean tie = false;
        for (String candidate : known) {
            int distance = distance(target, candidate.toLowerCase(Locale.ROOT));
            if (distance < bestDistance) {
                best = candidate;
                bestDistance = distance;
                tie = false;
            } else if (distance == bestDistance && !candidate.equals(best)) {
                tie = true;
            }
        }
        return best != null && bestDistance <= limit && !tie ? Optional.of(best) : Optional.empty();
    }

    /** {@code " (did you mean 'NAME'?)"} for the nearest name, or nothing. */
    public static String hint(String wrong, Collection<String> known) {
        return among(wrong, known).map(name -> " (did you mean '" + name + "'?)").orElse("");
    }

    /** Optimal string alignment distance: Levenshtein plus a swap of two neighbouring characters as one edit. */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int substitution = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + substitution);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
