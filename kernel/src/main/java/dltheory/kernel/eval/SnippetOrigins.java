package dltheory.kernel.eval;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Remembers where each JShell snippet came from (execution count and first line in its cell), so
 * that stack frames of cell code can be shown as "cell [n], line k".
 */
public final class SnippetOrigins {
    /** Where a snippet starts. */
    public record Origin(int executionCount, int firstLine) {
    }

    private final Map<String, Origin> byId = new ConcurrentHashMap<>();

    /** Records the origin of snippet {@code id}. */
    public void put(String id, Origin origin) {
        byId.put(id, origin);
    }

    /** Forgets a snippet. */
    public void remove(String id) {
        byId.remove(id);
    }

    /** The origin of a snippet id, or null. */
    public Origin get(String id) {
        return byId.get(id);
    }
}
