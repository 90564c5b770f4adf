package dev.drpilot.runbook;

import java.util.ArrayList;
import java.util.List;

/**
 * The difference between two texts, line by line, in the unified format of {@code diff -u}: a
 * longest common subsequence of their lines, then hunks with {@value #CONTEXT} lines of context.
 * Quadratic in the number of lines, which is fine for runbooks (a few hundred lines; at most
 * 1 MB, where the loader stops).
 */
public final class UnifiedDiff {

    static final int CONTEXT = 3;

    private UnifiedDiff() {}

    /** The diff's lines ("--- before", "+++ after", "@@ ... @@", then " ", "-" and "+" lines); empty when the lines are equal. */
    public static List<String> of(String beforeName, String before, String afterName, String after) {
        List<String> a = before.lines().toList();
        List<String> b = after.lines().toList();
        List<Edit> edits = edits(a, b);
        List<String> out = new ArrayList<>();
        if (edits.stream().allMatch(e -> e.sign == ' ')) return out;
        out.add("--- " + beforeName);
        out.add("+++ " + afterName);
        int i = 0;
        while (i < edits.size()) {
            if (edits.get(i).sign == ' ') {
                i++;
                continue;
            }
            int start = Math.max(0, i - CONTEXT);
            int end = i;
            // a hunk grows while the next change is within twice the context of the last one
            while (end < edits.size()) {
                int nextChange = end;
                while (nextChange < edits.size() && edits.get(nextChange).sign == ' ') nextChange++;
                if (nextChange == edits.size() || nextChange - end > 2 * CONTEXT) break;
                end = nextChange + 1;
            }
            end = Math.min(edits.size(), end + CONTEXT);
            out.add(header(edits.subList(start, end)));
            for (Edit e : edits.subList(start, end)) out.add(e.sign + e.line);
            i = end;
        }
        return out;
    }

    private static String header(List<Edit> hunk) {
        int beforeCount = (int) hunk.stream().filter(e -> e.sign != '+').count();
        int afterCount = (int) hunk.stream().filter(e -> e.sign != '-').count();
        Edit first = hunk.getFirst();
        return "@@ -" + range(first.beforeLine, beforeCount) + " +" + range(first.afterLine, afterCount) + " @@";
    }

    /** As diff writes it: "3,4"; a single line "3"; no line "2,0" (the line before the insertion point). */
    private static String range(int firstLine, int count) {
        if (count == 0) return (firstLine - 1) + ",0";
        return count == 1 ? String.valueOf(firstLine) : firstLine + "," + count;
    }

    /**
     * The edit script: every line of both texts once, in order. The lines both texts begin and end
     * with are kept out of the LCS table, so an edit in a long runbook costs a small table; a
     * middle too large for the table (a file rewritten from end to end) is shown as removed and added.
     */
    private static List<Edit> edits(List<String> a, List<String> b) {
        int head = 0;
        while (head < a.size() && head < b.size() && a.get(head).equals(b.get(head))) head++;
        int tail = 0;
        while (tail < a.size() - head
                && tail < b.size() - head
                && a.get(a.size() - 1 - tail).equals(b.get(b.size() - 1 - tail))) tail++;
        List<String> midA = a.subList(head, a.size() - tail);
        List<String> midB = b.subList(head, b.size() - tail);
        List<Edit> edits = new ArrayList<>();
        for (int k = 0; k < head; k++) edits.add(new Edit(' ', a.get(k), k + 1, k + 1));
        if ((long) midA.size() * midB.size() <= MAX_TABLE_CELLS) {
            middle(midA, midB, head, edits);
        } else {
            for (int k = 0; k < midA.size(); k++) edits.add(new Edit('-', midA.get(k), head + k + 1, head + 1));
            for (int k = 0; k < midB.size(); k++)
                edits.add(new Edit('+', midB.get(k), head + midA.size() + 1, head + k + 1));
        }
        for (int k = tail; k > 0; k--)
            edits.add(new Edit(' ', a.get(a.size() - k), a.size() - k + 1, b.size() - k + 1));
        return edits;
    }

    /** 16 MB of table: far more than any edit of a runbook needs. */
    private static final long MAX_TABLE_CELLS = 4_000_000;

    private static void middle(List<String> a, List<String> b, int offset, List<Edit> edits) {
        int[][] common = new int[a.size() + 1][b.size() + 1];
        for (int i = a.size() - 1; i >= 0; i--) {
            for (int j = b.size() - 1; j >= 0; j--) {
                common[i][j] = a.get(i).equals(b.get(j))
                        ? common[i + 1][j + 1] + 1
                        : Math.max(common[i + 1][j], common[i][j + 1]);
            }
        }
        int i = 0;
        int j = 0;
        while (i < a.size() || j < b.size()) {
            if (i < a.size() && j < b.size() && a.get(i).equals(b.get(j))) {
                edits.add(new Edit(' ', a.get(i), offset + i + 1, offset + j + 1));
                i++;
                j++;
            } else if (i < a.size() && (j == b.size() || common[i + 1][j] >= common[i][j + 1])) {
                edits.add(new Edit('-', a.get(i), offset + i + 1, offset + j + 1));
                i++;
            } else {
                edits.add(new Edit('+', b.get(j), offset + i + 1, offset + j + 1));
                j++;
            }
        }
    }

    /** One line of the script, with the line numbers it stands at in each text (for the hunk headers). */
    private record Edit(char sign, String line, int beforeLine, int afterLine) {}
}
