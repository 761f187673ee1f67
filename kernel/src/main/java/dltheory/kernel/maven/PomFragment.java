package dltheory.kernel.maven;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns the body of a {@code %%loadFromPOM} cell into a POM, as IJava does: a whole {@code <project>} is
 * taken as it is; otherwise the cell is a set of fragments pasted from a README — {@code <dependency>}
 * and {@code <repository>} elements, loose or inside {@code <dependencies>}/{@code <repositories>}, and
 * other {@code <project>} children such as {@code <properties>} or {@code <dependencyManagement>} —
 * which are gathered into a project with placeholder coordinates.
 */
public final class PomFragment {
    private PomFragment() {
    }

    /**
     * @param body the cell body (XML, possibly several top-level elements)
     * @return the text of a complete POM
     * @throws ResolutionException if the body is not well-formed XML
     */
    public static String toPom(String body) throws ResolutionException {
        String xml = body.strip();
        if (xml.startsWith("<?xml")) {
            int end = xml.indexOf("?>");
            xml = end < 0 ? xml : xml.substring(end + 2);
        }
        try {
            DocumentBuilder builder = builder();
            Document wrapped = builder.parse(new InputSource(new StringReader("<cell>" + xml + "</cell>")));
            List<Element> top = children(wrapped.getDocumentElement());
            if (top.size() == 1 && top.get(0).getTagName().equals("project")) {
                return write(top.get(0));
            }
            Document pom = builder.newDocument();
            Element project = pom.createElement("project");
            pom.appendChild(project);
            Element dependencies = pom.createElement("dependencies");
            Element repositories = pom.createElement("repositories");
            List<String> present = new ArrayList<>();
            for (Element e : top) {
                switch (e.getTagName()) {
                    case "dependency" -> dependencies.appendChild(pom.importNode(e, true));
                    case "repository" -> repositories.appendChild(pom.importNode(e, true));
                    case "dependencies" -> children(e).forEach(c -> dependencies.appendChild(pom.importNode(c, true)));
                    case "repositories" -> children(e).forEach(c -> repositories.appendChild(pom.importNode(c, true)));
                    default -> {
                        project.appendChild(pom.importNode(e, true));
                        present.add(e.getTagName());
                    }
                }
            }
            String[][] defaults = {{"modelVersion", "4.0.0"}, {"groupId", "notebook"}, {"artifactId", "cell"}, {"version", "1"}};
            for (String[] d : defaults) {
                if (!present.contains(d[0])) {
                    Element e = pom.createElement(d[0]);
                    e.setTextContent(d[1]);
                    project.insertBefore(e, project.getFirstChild());
                }
            }
            project.appendChild(dependencies);
            project.appendChild(repositories);
            return write(project);
        } catch (SAXException e) {
            throw new ResolutionException("the cell is not well-formed XML: " + e.getMessage(), e);
        } catch (IOException | ParserConfigurationException | TransformerException e) {
            throw new ResolutionException("cannot build a POM from the cell: " + e.getMessage(), e);
        }
    }

    private static DocumentBuilder builder() throws ParserConfigurationException {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        factory.setExpandEntityReferences(false);
        DocumentBuilder builder = factory.newDocumentBuilder();
        builder.setErrorHandler(new org.xml.sax.helpers.DefaultHandler() {
            @Override
            public void fatalError(org.xml.sax.SAXParseException e) throws SAXException {
                throw e;
            }
        });
        return builder;
    }

    private static List<Element> children(Element parent) {
        List<Element> out = new ArrayList<>();
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            if (nodes.item(i).getNodeType() == Node.ELEMENT_NODE) {
                out.add((Element) nodes.item(i));
            }
        }
        return out;
    }

    private static String write(Node node) throws TransformerException {
        Transformer t = TransformerFactory.newInstance().newTransformer();
        t.setOutputProperty(OutputKeys.INDENT, "yes");
        StringWriter out = new StringWriter();
        t.transform(new DOMSource(node), new StreamResult(out));
        return out.toString();
    }
}
