package dltheory.kernel.install;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class KernelSpecTest {
    @Test
    void theVectorApiModuleComesOnlyWithC2() {
        List<String> plain = KernelSpec.jvmOptions(List.of());
        assertEquals(KernelSpec.DEFAULT_JVM_OPTIONS, plain);
        assertFalse(String.join(" ", plain).contains("incubator"), "no 'WARNING: Using incubator modules' at start");
        List<String> c2 = KernelSpec.jvmOptions(List.of("-XX:TieredStopAtLevel=4"));
        assertEquals(KernelSpec.VECTOR_API, c2.subList(c2.size() - 2, c2.size()));
        List<String> back = KernelSpec.jvmOptions(List.of("-XX:TieredStopAtLevel=4", "-XX:TieredStopAtLevel=1"));
        assertFalse(back.contains("jdk.incubator.vector"), "the last level wins");
        List<String> own = KernelSpec.jvmOptions(List.of("--add-modules=jdk.incubator.vector"));
        assertTrue(own.contains("--add-modules=jdk.incubator.vector") && !own.contains("jdk.incubator.vector"),
                "a module the user asks for is kept, not added twice");
    }
}
