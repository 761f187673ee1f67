package dltheory.kernel.display;

import dltheory.kernel.runtime.ArrayText;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.dflib.jjava.jupyter.kernel.display.Renderer;
import org.dflib.jjava.jupyter.kernel.display.mime.MIMEType;

/**
 * jjava's renderer registry, whose fallback {@code text/plain} for a value no registered function
 * renders is {@code String.valueOf(value)}, except for arrays, shown as JShell shows them
 * ({@link ArrayText}) instead of {@code [D@25e3a9b8}.
 */
public final class ValueRenderer extends Renderer {
    @Override
    protected DisplayData finalizeDisplayData(DisplayData data, Object value) {
        if (value != null && value.getClass().isArray() && !data.hasDataForType(MIMEType.TEXT_PLAIN)) {
            data.putText(ArrayText.of(value));
        }
        return super.finalizeDisplayData(data, value);
    }
}
