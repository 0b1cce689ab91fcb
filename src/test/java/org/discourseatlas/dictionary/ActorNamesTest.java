package org.discourseatlas.dictionary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.discourseatlas.terms.Lemmatizer;
import org.junit.jupiter.api.Test;

class ActorNamesTest {
  private static final ActorNames SHIPPED =
      new ActorNames(DictionaryReader.shipped("actors"), Lemmatizer.none());

  @Test
  void aliasesNameTheirActorTheLongestAliasWinning() {
    assertEquals("ISIS", SHIPPED.actor("Daesh", "daesh", List.of()));
    assertEquals("ISIS", SHIPPED.actor("Islamic State", "state", List.of()));
    assertEquals("COALITION", SHIPPED.actor("US - led coalition", "coalition", List.of()));
    assertEquals(
        "COALITION",
        SHIPPED.actor(
            "members of what is called an anti-terrorist coalition", "members", List.of()));
    assertEquals("RUSSIA", SHIPPED.actor("Russian Aerospace Forces", "forces", List.of()));
  }

  @Test
  void whatTheDictionaryLacksKeepsItsEntityOrItsPhraseLowercased() {
    List<ActorNames.Entity> entities = List.of(new ActorNames.Entity("Westmark Red Cross", 4, 7));
    assertEquals("Westmark Red Cross", SHIPPED.actor("Red Cross", "cross", entities));
    assertEquals("we", SHIPPED.actor("We", "we", entities));
    assertEquals(
        "humanitarian coordinator",
        SHIPPED.actor("humanitarian coordinator", "coordinator", entities));
    assertNull(SHIPPED.actor(null, null, entities));
  }

  /**
   * "The US-led coalition and Daesh fought near Mosul University ." as tokens: US-led coalition is
   * one COALITION mention (the longer alias, not also USA), Daesh one ISIS mention, and the entity
   * "Mosul University" (tokens 6-8), which no alias covers, a mention by its text; the entity "US"
   * (token 1) lies inside the coalition alias and is not counted again.
   */
  @Test
  void aSentencesMentionsAreItsAliasesAndTheEntitiesNoAliasCovers() {
    List<String> tokens =
        List.of(
            "The",
            "US-led",
            "coalition",
            "and",
            "Daesh",
            "fought",
            "near",
            "Mosul",
            "University",
            ".");
    List<ActorNames.Entity> entities =
        List.of(
            new ActorNames.Entity("US-led", 1, 2), new ActorNames.Entity("Mosul University", 7, 9));
    assertEquals(
        List.of("COALITION", "ISIS", "Mosul University"), SHIPPED.mentions(tokens, entities));
  }
}
