package canto.tagger.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import canto.tagger.model.DataException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DevCategoriesTest {
    @Test
    void everyDevTitleGetsItsCategory() throws Exception {
        List<LabelledTitle> dev = LabelledTitles.read(DevSetTest.DEV, true);
        Path cats = DevCategories.besides(DevSetTest.DEV);
        assertEquals(DevSetTest.CATEGORIES.toString(), cats.toString());
        Map<LabelledTitle, String> m = DevCategories.read(cats, dev);
        assertEquals(dev.size(), m.size());
        assertEquals("cantopop", m.get(dev.get(0)));
        assertTrue(m.values().containsAll(DevSetTest.KNOWN));
    }

    @Test
    void aMismatchNamesFileAndLine(@TempDir Path dir) throws Exception {
        Path dev = dir.resolve("d.tsv");
        Files.writeString(dev, TitleGenerator.HEADER + "\nA - B\tA\tB\t0-1\t4-5\nC - D\tC\tD\t0-1\t4-5\n", StandardCharsets.UTF_8);
        List<LabelledTitle> titles = LabelledTitles.read(dev, true);
        Path cats = dir.resolve("d-categories.tsv");
        Files.writeString(cats, "line\tcategory\ttitle\n2\tpipe\tA - B\n3\tduet\tC - X\n", StandardCharsets.UTF_8);
        DataException e = assertThrows(DataException.class, () -> DevCategories.read(cats, titles));
        assertTrue(e.getMessage().startsWith(cats + ": line 3 names 'C - X'"), e.getMessage());
        Files.writeString(cats, "line\tcategory\ttitle\n2\tpipe\tA - B\n", StandardCharsets.UTF_8);
        e = assertThrows(DataException.class, () -> DevCategories.read(cats, titles));
        assertTrue(e.getMessage().contains("no category for " + dev + ":3"), e.getMessage());
    }
}
