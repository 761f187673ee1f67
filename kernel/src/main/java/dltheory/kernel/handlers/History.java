package dltheory.kernel.handlers;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The session's input history (and text outputs) in memory, answering the three
 * {@code history_request} access types: tail, range and search.
 */
public final class History {
    /** The session number of this kernel's history (one session per kernel process). */
    public static final int SESSION = 1;

    /** One executed cell. */
    public record Entry(int session, int line, String input, String output) {
    }

    private final List<Entry> entries = new ArrayList<>();

    /** Records a cell; {@code output} is its {@code text/plain} result or null. */
    public synchronized void add(int line, String input, String output) {
        entries.add(new Entry(SESSION, line, input, output));
    }

    /** The last {@code n} entries. */
    public synchronized List<Entry> tail(int n) {
        int from = Math.max(0, entries.size() - Math.max(0, n));
        return new ArrayList<>(entries.subList(from, entries.size()));
    }

    /** Entries of {@code session} with {@code start <= line < stop} (stop 0 or less means to the end). */
    public synchronized List<Entry> range(int session, int start, int stop) {
        List<Entry> out = new ArrayList<>();
        for (Entry e : entries) {
            if ((session == SESSION || session == 0) && e.line() >= start && (stop <= 0 || e.line() < stop)) {
                out.add(e);
            }
        }
        return out;
    }

    /**
     * Entries whose input matches a glob pattern ({@code *} and {@code ?}), the last {@code n}
     * (all if n is 0 or less); with {@code unique}, each input only once (its latest occurrence).
     */
    public synchronized List<Entry> search(String pattern, int n, boolean unique) {
        Pattern regex = globToRegex(pattern);
        List<Entry> matches = new ArrayList<>();
        for (Entry e : entries) {
            if (regex.matcher(e.input()).matches()) {
                matches.add(e);
            }
        }
        if (unique) {
            Set<String> seen = new LinkedHashSet<>();
            List<Entry> latest = new ArrayList<>();
            for (int i = matches.size() - 1; i >= 0; i--) {
                if (seen.add(matches.get(i).input())) {
                    latest.add(0, matches.get(i));
                }
            }
            matches = latest;
        }
        int from = n > 0 ? Math.max(0, matches.size() - n) : 0;
        return new ArrayList<>(matches.subList(from, matches.size()));
    }

    /** Converts a shell glob to a regular expression over the whole (multi-line) input. */
    static Pattern globToRegex(String glob) {
        StringBuilder sb = new StringBuilder();
        for (char c : glob.toCharArray()) {
            switch (c) {
                case '*' -> sb.append(".*");
                case '?' -> sb.append('.');
                default -> sb.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(sb.toString(), Pattern.DOTALL);
    }
}
