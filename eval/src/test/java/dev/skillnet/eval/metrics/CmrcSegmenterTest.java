package dev.skillnet.eval.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class CmrcSegmenterTest {

    @Test
    void everyChineseCharacterIsASegment() {
        assertEquals(List.of("北", "京", "大", "学"), CmrcSegmenter.segment("北京大学", true));
    }

    @Test
    void englishWordsAndNumbersStayWholeAndAreLowerCased() {
        assertEquals(List.of("hello", "world", "2018", "年"),
                CmrcSegmenter.segment("Hello World 2018年", true));
        assertEquals(List.of("3.5", "亿"), CmrcSegmenter.segment("3.5亿", true));
        assertEquals(List.of("苹", "果", "ceo", "库", "克"), CmrcSegmenter.segment("苹果CEO库克", true));
    }

    @Test
    void listedPunctuationIsASegmentUnlessRemoved() {
        assertEquals(List.of("《", "红", "楼", "梦", "》"), CmrcSegmenter.segment("《红楼梦》", false));
        assertEquals(List.of("红", "楼", "梦"), CmrcSegmenter.segment("《红楼梦》", true));
    }

    @Test
    void removedPunctuationDoesNotSeparateTheTextAroundIt() {
        // the script skips the '-' without flushing the pending English run
        assertEquals(List.of("a", "-", "b"), CmrcSegmenter.segment("a-b", false));
        assertEquals(List.of("ab"), CmrcSegmenter.segment("a-b", true));
        assertEquals(List.of("19902000"), CmrcSegmenter.segment("1990-2000", true));
    }

    @Test
    void unlistedPunctuationIsKeptAndTokenizedLikeNltk() {
        // ASCII comma and period are not in the list
        assertEquals(List.of("abc", ",", "def", "."), CmrcSegmenter.segment("abc, def.", true));
        // "……" is listed as one two-character string, so a single '…' is never removed
        assertEquals(List.of("北", "京", "……"), CmrcSegmenter.segment("北京……", true));
    }

    @Test
    void removePunctuationLowerCasesTrimsThenDropsListedMarks() {
        assertEquals("北京", CmrcSegmenter.removePunctuation(" 《北京》。 "));
        assertEquals("helloworld", CmrcSegmenter.removePunctuation("Hello-World"));
        // inner spaces survive; trimming happens before removal, so "北京 。" keeps its space
        assertEquals("iphone x", CmrcSegmenter.removePunctuation("iPhone X"));
        assertEquals("北京 ", CmrcSegmenter.removePunctuation("北京 。"));
    }

    @Test
    void chineseRangeIsTheScriptsNarrowOne() {
        assertTrue(CmrcSegmenter.isChinese(0x4E00));
        assertTrue(CmrcSegmenter.isChinese(0x9FA5));
        assertFalse(CmrcSegmenter.isChinese(0x9FA6));
        assertFalse(CmrcSegmenter.isChinese('，'));
    }
}
