package dev.skillnet.skills;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.skillnet.core.UserInputException;
import org.junit.jupiter.api.Test;

class SkillTest {

    @Test
    void namesAreLowerCaseLettersDigitsAndUnderscoresStartingWithALetter() {
        assertTrue(Skill.isValidName("sentiment"));
        assertTrue(Skill.isValidName("legal_2"));
        assertFalse(Skill.isValidName("Sentiment"));
        assertFalse(Skill.isValidName("2legal"));
        assertFalse(Skill.isValidName("_legal"));
        assertFalse(Skill.isValidName("legal-text"));
        assertFalse(Skill.isValidName(""));
        assertFalse(Skill.isValidName(null));
    }

    @Test
    void constructingASkillWithAnInvalidNameIsAUserError() {
        var e = assertThrows(UserInputException.class, () -> new Skill("Legal", "legal language"));
        assertTrue(e.getMessage().contains("invalid skill name 'Legal'"), e.getMessage());
    }

    @Test
    void aSkillIsPlainData() {
        assertEquals(new Skill("legal", "legal language"), new Skill("legal", "legal language"));
    }
}
