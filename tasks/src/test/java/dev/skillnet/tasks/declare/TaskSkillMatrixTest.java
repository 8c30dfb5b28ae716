package dev.skillnet.tasks.declare;

import static dev.skillnet.tasks.declare.DeclarationFiles.chnsenticorp;
import static dev.skillnet.tasks.declare.DeclarationFiles.cmrc2018;
import static dev.skillnet.tasks.declare.DeclarationFiles.msraNer;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.skillnet.skills.SkillTable;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TaskSkillMatrixTest {

    @TempDir Path dir;
    private Declared declared;

    @BeforeEach
    void declareThreeTasks() {
        DeclarationFiles files = new DeclarationFiles(dir);
        files.write("1.json", chnsenticorp());
        files.write("2.json", msraNer());
        files.write("3.json", cmrc2018());
        declared = TaskDeclarations.load(dir, SkillTable.defaults());
    }

    @Test
    void plainTextHasAlignedColumnsAndCentredMarks() {
        // Each mark sits under the middle of its skill's name: sequence at columns 42-49 puts
        // its mark at 45, sentiment (65-73) at 69, general (94-100) at 97.
        String expected = ""
                + "task          type                        sequence  token  pair  sentiment  entity  question  general\n"
                + "chnsenticorp  single_text_classification     x                       x                           x\n"
                + "msra_ner      sequence_labeling                       x                       x                  x\n"
                + "cmrc2018      span_extraction                                                          x         x\n";
        assertEquals(expected, TaskSkillMatrix.plainText(declared));
    }

    @Test
    void markdownHasOneRowPerTask() {
        String expected = ""
                + "| task | type | sequence | token | pair | sentiment | entity | question | general |\n"
                + "| --- | --- | :-: | :-: | :-: | :-: | :-: | :-: | :-: |\n"
                + "| chnsenticorp | single_text_classification | x |  |  | x |  |  | x |\n"
                + "| msra_ner | sequence_labeling |  | x |  |  | x |  | x |\n"
                + "| cmrc2018 | span_extraction |  |  |  |  |  | x | x |\n";
        assertEquals(expected, TaskSkillMatrix.markdown(declared));
    }
}
