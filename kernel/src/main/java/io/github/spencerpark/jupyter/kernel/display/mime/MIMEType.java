package io.github.spencerpark.jupyter.kernel.display.mime;

/**
 * IJava's MIME type constants by their old qualified name, for renderer registrations written for IJava
 * ({@code .preferring(io.github.spencerpark.jupyter.kernel.display.mime.MIMEType.TEXT_HTML)}). Each
 * constant is jjava-jupyter's own {@link org.dflib.jjava.jupyter.kernel.display.mime.MIMEType}, the type
 * the kernel's renderer takes; a variable declared with this class as its type does not compile.
 */
public final class MIMEType {
    public static final org.dflib.jjava.jupyter.kernel.display.mime.MIMEType ANY =
            org.dflib.jjava.jupyter.kernel.display.mime.MIMEType.ANY;
    public static final org.dflib.jjava.jupyter.kernel.display.mime.MIMEType APPLICATION_JSON =
            org.dflib.jjava.jupyter.kernel.display.mime.MIMEType.APPLICATION_JSON;
    public static final org.dflib.jjava.jupyter.kernel.display.mime.MIMEType APPLICATION_JAVASCRIPT =
            org.dflib.jjava.jupyter.kernel.display.mime.MIMEType.APPLICATION_JAVASCRIPT;
    public static final org.dflib.jjava.jupyter.kernel.display.mime.MIMEType APPLICATION_XML =
            org.dflib.jjava.jupyter.kernel.display.mime.MIMEType.APPLICATION_XML;
    public static final org.dflib.jjava.jupyter.kernel.display.mime.MIMEType APPLICATION_PDF =
            org.dflib.jjava.jupyter.kernel.display.mime.MIMEType.APPLICATION_PDF;
    public static final org.dflib.jjava.jupyter.kernel.display.mime.MIMEType TEXT_HTML =
            org.dflib.jjava.jupyter.kernel.display.mime.MIMEType.TEXT_HTML;
    public static final org.dflib.jjava.jupyter.kernel.display.mime.MIMEType TEXT_MARKDOWN =
            org.dflib.jjava.jupyter.kernel.display.mime.MIMEType.TEXT_MARKDOWN;
    public static final org.dflib.jjava.jupyter.kernel.display.mime.MIMEType TEXT_LATEX =
            org.dflib.jjava.jupyter.kernel.display.mime.MIMEType.TEXT_LATEX;
    public static final org.dflib.jjava.jupyter.kernel.display.mime.MIMEType TEXT_PLAIN =
            org.dflib.jjava.jupyter.kernel.display.mime.MIMEType.TEXT_PLAIN;
    public static final org.dflib.jjava.jupyter.kernel.display.mime.MIMEType TEXT_CSS =
            org.dflib.jjava.jupyter.kernel.display.mime.MIMEType.TEXT_CSS;
    public static final org.dflib.jjava.jupyter.kernel.display.mime.MIMEType IMAGE_PNG =
            org.dflib.jjava.jupyter.kernel.display.mime.MIMEType.IMAGE_PNG;
    public static final org.dflib.jjava.jupyter.kernel.display.mime.MIMEType IMAGE_JPEG =
            org.dflib.jjava.jupyter.kernel.display.mime.MIMEType.IMAGE_JPEG;
    public static final org.dflib.jjava.jupyter.kernel.display.mime.MIMEType IMAGE_GIF =
            org.dflib.jjava.jupyter.kernel.display.mime.MIMEType.IMAGE_GIF;
    public static final org.dflib.jjava.jupyter.kernel.display.mime.MIMEType IMAGE_SVG =
            org.dflib.jjava.jupyter.kernel.display.mime.MIMEType.IMAGE_SVG;

    private MIMEType() {
    }

    /** Parses a MIME type such as {@code "text/html"}. */
    public static org.dflib.jjava.jupyter.kernel.display.mime.MIMEType parse(String raw) {
        return org.dflib.jjava.jupyter.kernel.display.mime.MIMEType.parse(raw);
    }
}
