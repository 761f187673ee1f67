package dltheory.kernel.handlers;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class HistoryTest {
    private static List<String> inputs(List<History.Entry> entries) {
        return entries.stream().map(History.Entry::input).toList();
    }

    @Test
    void tailRangeAndSearch() {
        History h = new History();
        h.add(1, "1 + 2", "3");
        h.add(2, "int x = 1;", null);
        h.add(3, "1 + 2", "3");
        assertEquals(List.of("int x = 1;", "1 + 2"), inputs(h.tail(2)));
        assertEquals(List.of("int x = 1;"), inputs(h.range(History.SESSION, 2, 3)));
        assertEquals(List.of("1 + 2", "1 + 2"), inputs(h.search("1?+?2", 0, false)));
        assertEquals(List.of("1 + 2"), inputs(h.search("1?+?2", 0, true)));
        assertEquals(List.of("int x = 1;"), inputs(h.search("int*", 1, false)));
        assertEquals(2, h.search("1*", 5, false).size());
    }
}
