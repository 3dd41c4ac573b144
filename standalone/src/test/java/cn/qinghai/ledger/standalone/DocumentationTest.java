package cn.qinghai.ledger.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The documents a newcomer reads stay true to the repository: the README fits on a page or two, every
 * relative link of every document resolves to a file in the repository (and an anchor to a heading of
 * it), and no text of the repository names a document the repository does not hold.
 */
class DocumentationTest {

    static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    static final Pattern LINK = Pattern.compile("\\[[^\\]]*\\]\\(([^)\\s]+)\\)");
    static final Pattern HEADING = Pattern.compile("^#{1,6}\\s+(.*)$", Pattern.MULTILINE);

    @Test
    void theReadmeFitsOnAPageOrTwo() throws IOException {
        assertThat(Files.readAllLines(ROOT.resolve("README.md"))).hasSizeLessThan(200);
    }

    @Test
    void everyRelativeLinkResolvesInsideTheRepository() {
        List<String> broken = new ArrayList<>();
        for (Path doc : documents()) {
            String text = read(doc);
            Matcher m = LINK.matcher(text);
            while (m.find()) {
                String target = m.group(1);
                if (target.matches("^[a-z]+:.*")) {
                    continue; // http(s), mailto: not ours to check offline
                }
                String file = target.contains("#") ? target.substring(0, target.indexOf('#')) : target;
                String anchor = target.contains("#") ? target.substring(target.indexOf('#') + 1) : null;
                Path resolved =
                        file.isEmpty() ? doc : doc.getParent().resolve(file).normalize();
                if (!resolved.startsWith(ROOT) || !Files.exists(resolved)) {
                    broken.add(ROOT.relativize(doc) + ": " + target + " (no such file)");
                } else if (anchor != null
                        && resolved.toString().endsWith(".md")
                        && !anchors(read(resolved)).contains(anchor)) {
                    broken.add(ROOT.relativize(doc) + ": " + target + " (no such heading)");
                }
            }
        }
        assertThat(broken).isEmpty();
    }

    /**
     * A document named anywhere — in the documents, the code's comments, the scripts and the configuration —
     * is a Markdown file of this repository: nothing leans on a document kept elsewhere. (Links are checked
     * to resolve above; this catches a file named in prose or in a comment.)
     */
    @Test
    void everyDocumentNamedIsOneOfTheRepository() throws IOException {
        Set<String> ours = new HashSet<>();
        List<Path> texts = new ArrayList<>();
        Files.walkFileTree(ROOT, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                String name = dir.getFileName() == null ? "" : dir.getFileName().toString();
                boolean skip = !dir.equals(ROOT)
                        && (name.equals("target")
                                || name.equals("data")
                                || name.equals("node_modules")
                                || (name.startsWith(".") && !name.equals(".ci")));
                return skip ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                String name = file.getFileName().toString();
                if (name.endsWith(".md")) {
                    ours.add(name);
                }
                if (name.matches(".*\\.(md|java|js|ya?ml|properties|html|xml|sh)") || name.equals("run")) {
                    texts.add(file);
                }
                return FileVisitResult.CONTINUE;
            }
        });
        Pattern named = Pattern.compile("(?<![\\w/.-])((?:[\\w.-]+/)*[\\w-]+(?:\\.[\\w-]+)*\\.md)\\b");
        List<String> elsewhere = new ArrayList<>();
        for (Path text : texts) {
            Matcher m = named.matcher(read(text));
            while (m.find()) {
                String file = m.group(1).substring(m.group(1).lastIndexOf('/') + 1);
                if (!ours.contains(file)) {
                    elsewhere.add(ROOT.relativize(text) + ": " + m.group(1));
                }
            }
        }
        assertThat(texts).hasSizeGreaterThan(200);
        assertThat(elsewhere)
                .as("documents named that the repository does not hold")
                .isEmpty();
    }

    @Test
    void theUserGuideShowsOnlyPicturesTheBrowserTestTakes() throws IOException {
        String guide = read(ROOT.resolve("docs/user-guide.md"));
        String browserTest =
                read(ROOT.resolve("standalone/src/test/java/cn/qinghai/ledger/standalone/DashboardBrowserTest.java"));
        Matcher m = Pattern.compile("\\]\\(user-guide/([\\w-]+)\\.png\\)").matcher(guide);
        int pictures = 0;
        while (m.find()) {
            pictures++;
            assertThat(browserTest)
                    .as("a picture of the guide is a screenshot of DashboardBrowserTest (rerun it with "
                            + "-Dledger.user-guide.write=true to refresh them)")
                    .contains("screenshot(\"" + m.group(1) + "\")");
        }
        assertThat(pictures).isGreaterThanOrEqualTo(8);
    }

    /** README.md, everything under docs/ and each module's README. */
    static List<Path> documents() {
        List<Path> docs = new ArrayList<>();
        docs.add(ROOT.resolve("README.md"));
        try (Stream<Path> under = Files.walk(ROOT.resolve("docs"))) {
            under.filter(p -> p.toString().endsWith(".md")).sorted().forEach(docs::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try (Stream<Path> modules = Files.list(ROOT)) {
            modules.map(m -> m.resolve("README.md"))
                    .filter(Files::exists)
                    .sorted()
                    .forEach(docs::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return docs;
    }

    /** The anchors a Markdown renderer makes of the headings: lower case, punctuation dropped, spaces to dashes. */
    static Set<String> anchors(String markdown) {
        Set<String> anchors = new HashSet<>();
        Matcher m = HEADING.matcher(markdown);
        while (m.find()) {
            String slug = m.group(1)
                    .trim()
                    .toLowerCase(Locale.ROOT)
                    .replaceAll("[^\\p{L}\\p{N}\\s_-]", "")
                    .replace(' ', '-');
            anchors.add(slug);
        }
        return anchors;
    }

    static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
