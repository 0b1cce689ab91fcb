package org.discourseatlas.zones;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class ZoneWindowTest {
  private static final List<String> NONE = List.of();
  private static final List<String> ALEPPO = List.of("aleppo");
  private static final List<String> MOSUL = List.of("mosul");
  private static final List<String> ALEPPO_AND_MOSUL = List.of("mosul", "aleppo");

  @Test
  void zoneIsCarriedForwardAtMostWindowSentences() {
    // "... eastern Aleppo. The city's liberation ... Those had been kept ... We made sure ..."
    assertEquals(
        List.of(ALEPPO, ALEPPO, ALEPPO, NONE, NONE),
        ZoneWindow.carry(List.of(ALEPPO, NONE, NONE, NONE, NONE), 2));
  }

  @Test
  void sentenceNamingAnotherZoneStopsTheCarryAndStartsItsOwn() {
    assertEquals(
        List.of(ALEPPO, ALEPPO, MOSUL, MOSUL, MOSUL, NONE),
        ZoneWindow.carry(List.of(ALEPPO, NONE, MOSUL, NONE, NONE, NONE), 2));
  }

  @Test
  void sentenceNamingTwoZonesCarriesBoth() {
    assertEquals(
        List.of(ALEPPO_AND_MOSUL, ALEPPO_AND_MOSUL),
        ZoneWindow.carry(List.of(ALEPPO_AND_MOSUL, NONE), 1));
  }

  @Test
  void sentencesBeforeTheFirstZoneGetNone() {
    assertEquals(
        List.of(NONE, NONE, MOSUL, MOSUL), ZoneWindow.carry(List.of(NONE, NONE, MOSUL, NONE), 2));
  }

  @Test
  void windowZeroCarriesNothing() {
    assertEquals(
        List.of(ALEPPO, NONE, MOSUL, NONE),
        ZoneWindow.carry(List.of(ALEPPO, NONE, MOSUL, NONE), 0));
  }

  @Test
  void laterNamingOfTheSameZoneRestartsTheWindow() {
    assertEquals(
        List.of(ALEPPO, ALEPPO, ALEPPO, ALEPPO, NONE),
        ZoneWindow.carry(List.of(ALEPPO, NONE, ALEPPO, NONE, NONE), 1));
  }

  @Test
  void noSentencesGiveNoZones() {
    assertEquals(List.of(), ZoneWindow.carry(List.of(), 2));
  }
}
