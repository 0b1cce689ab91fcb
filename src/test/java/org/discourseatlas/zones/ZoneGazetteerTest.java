package org.discourseatlas.zones;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ZoneGazetteerTest {
  private static final String HEADER = "id,name,aliases,parent,latitude,longitude";
  private static final String ALEPPO =
      "aleppo,Aleppo,eastern Aleppo|east Aleppo|Halab|Alep,Syria,36.2021,37.1343";
  private static final String MOSUL =
      "mosul,Mosul,Mawsil|Al-Mawsil|west Mosul,Iraq,36.3350,43.1189";

  @TempDir Path dir;

  /** Writes the lines to a file and reads it back as the job does, naming the file. */
  private ZoneGazetteer load(String fileName, String... lines) throws IOException {
    Path file = dir.resolve(fileName);
    Files.writeString(file, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      return ZoneGazetteer.fromCsv(reader, file.toString());
    }
  }

  private InvalidGazetteerException invalid(String fileName, String... lines) {
    return assertThrows(InvalidGazetteerException.class, () -> load(fileName, lines));
  }

  static ZoneGazetteer defaultGazetteer() throws IOException {
    InputStream in = ZoneGazetteerTest.class.getResourceAsStream("/zones/default-zones.csv");
    assertNotNull(in, "the default gazetteer is on the classpath");
    try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
      return ZoneGazetteer.fromCsv(reader, "/zones/default-zones.csv");
    }
  }

  @Test
  void defaultResourceLoads() throws IOException {
    ZoneGazetteer gazetteer = defaultGazetteer();

    assertEquals(17, gazetteer.zones().size());
    Zone aleppo = gazetteer.zone("aleppo");
    assertEquals("Aleppo", aleppo.name());
    assertEquals("Aleppo", aleppo.aliases().get(0), "the name is the first alias");
    assertTrue(aleppo.aliases().containsAll(List.of("eastern Aleppo", "Halab", "Alep")));
    assertEquals("Syria", aleppo.parent());
    assertEquals(36.2021, aleppo.latitude(), 1e-9);
    assertEquals(37.1343, aleppo.longitude(), 1e-9);
    assertEquals(List.of("Yemen"), gazetteer.zone("yemen").aliases());
    assertTrue(gazetteer.zone("mosul").aliases().contains("Al-Mawsil"));
    assertNull(gazetteer.zone("syrian"), "demonyms are not zones");
  }

  @Test
  void zonesKeepTheOrderOfTheFile() throws IOException {
    ZoneGazetteer gazetteer = load("zones.csv", "# conflict zones", HEADER, ALEPPO, "", MOSUL);

    assertEquals(List.of("aleppo", "mosul"), gazetteer.zones().stream().map(Zone::id).toList());
  }

  @Test
  void windowsLineEndingsAreRead() throws IOException {
    Path file = dir.resolve("crlf.csv");
    Files.writeString(file, HEADER + "\r\n" + ALEPPO + "\r\n", StandardCharsets.UTF_8);
    try (Reader reader = Files.newBufferedReader(file)) {
      Zone aleppo = ZoneGazetteer.fromCsv(reader, file.toString()).zone("aleppo");
      assertEquals(37.1343, aleppo.longitude(), 1e-9);
    }
  }

  @Test
  void aByteOrderMarkBeforeTheHeaderIsIgnored() throws IOException {
    // Spreadsheet programs save "CSV UTF-8" with a BOM.
    ZoneGazetteer gazetteer = load("excel.csv", "\uFEFF" + HEADER, ALEPPO, MOSUL);
    assertEquals(2, gazetteer.zones().size());
  }

  @Test
  void emptyParentIsNull() throws IOException {
    ZoneGazetteer gazetteer = load("zones.csv", HEADER, "gaza,Gaza,Gaza Strip,,31.3547,34.3088");

    assertNull(gazetteer.zone("gaza").parent());
  }

  @Test
  void quotedFieldsMayHoldCommasAndDoubledQuotes() throws IOException {
    ZoneGazetteer gazetteer =
        load(
            "zones.csv",
            HEADER,
            "deir_ez_zor,\"Deir ez-Zor\",\"Deir ez Zor|Deir al-Zour\",\"Syria, eastern governorates\",35.3359,40.1408",
            "raqqa,Raqqa,\"Raqqah|the \"\"capital\"\" of ISIS\",Syria,\"35.9594\",39.0078");

    Zone deir = gazetteer.zone("deir_ez_zor");
    assertEquals("Deir ez-Zor", deir.name());
    assertEquals(List.of("Deir ez-Zor", "Deir ez Zor", "Deir al-Zour"), deir.aliases());
    assertEquals("Syria, eastern governorates", deir.parent());
    assertEquals(
        List.of("Raqqa", "Raqqah", "the \"capital\" of ISIS"), gazetteer.zone("raqqa").aliases());
    assertEquals(35.9594, gazetteer.zone("raqqa").latitude(), 1e-9);
  }

  @Test
  void badHeaderNamesItsLine() {
    InvalidGazetteerException e =
        invalid("zones.csv", "# my zones", "id,name,aliases,parent,lat,lon", ALEPPO);

    assertTrue(e.getMessage().contains("zones.csv line 2"), e.getMessage());
    assertTrue(e.getMessage().contains("header"), e.getMessage());
  }

  @Test
  void duplicateIdNamesItsLine() {
    InvalidGazetteerException e =
        invalid("zones.csv", HEADER, ALEPPO, MOSUL, "aleppo,Halab city,,Syria,36.2,37.1");

    assertTrue(e.getMessage().contains("zones.csv line 4"), e.getMessage());
    assertTrue(e.getMessage().contains("'aleppo' listed twice"), e.getMessage());
  }

  @Test
  void aliasClaimedByTwoZonesNamesItsLineAndBothZones() {
    InvalidGazetteerException e =
        invalid(
            "zones.csv",
            HEADER,
            ALEPPO,
            "# the eastern districts as a zone of their own",
            "east_aleppo,East Aleppo,eastern Aleppo,Syria,36.20,37.17");

    assertTrue(e.getMessage().contains("zones.csv line 4"), e.getMessage());
    assertTrue(e.getMessage().contains("east_aleppo"), e.getMessage());
    assertTrue(e.getMessage().contains("already names zone aleppo"), e.getMessage());
  }

  @Test
  void aliasesClashEvenWithOtherCaseAndDiacritics() {
    InvalidGazetteerException e =
        invalid("zones.csv", HEADER, ALEPPO, "halab,Ḥalab,,Syria,36.2,37.1");

    assertTrue(e.getMessage().contains("line 3"), e.getMessage());
    assertTrue(e.getMessage().contains("already names zone aleppo"), e.getMessage());
  }

  @Test
  void latitudeOutOfRangeNamesItsLine() {
    InvalidGazetteerException e =
        invalid("zones.csv", HEADER, ALEPPO, "mosul,Mosul,Mawsil,Iraq,136.3350,43.1189");

    assertTrue(e.getMessage().contains("zones.csv line 3"), e.getMessage());
    assertTrue(e.getMessage().contains("latitude '136.3350'"), e.getMessage());
  }

  @Test
  void latitudeThatIsNotANumberNamesItsLine() {
    InvalidGazetteerException e =
        invalid("zones.csv", HEADER, "mosul,Mosul,Mawsil,Iraq,36°20′N,43.1189");

    assertTrue(e.getMessage().contains("zones.csv line 2"), e.getMessage());
    assertTrue(e.getMessage().contains("latitude"), e.getMessage());
  }

  @Test
  void unquotedCommaGivesAWrongFieldCount() {
    InvalidGazetteerException e =
        invalid(
            "zones.csv", HEADER, "deir_ez_zor,Deir ez-Zor,,Syria, eastern governorates,35.3,40.1");

    assertTrue(e.getMessage().contains("line 2"), e.getMessage());
    assertTrue(e.getMessage().contains("expected 6 fields, found 7"), e.getMessage());
  }

  @Test
  void idWithCapitalsOrSpacesIsRefused() {
    InvalidGazetteerException e =
        invalid("zones.csv", HEADER, "Deir ez-Zor,Deir ez-Zor,,Syria,35.3,40.1");

    assertTrue(e.getMessage().contains("line 2"), e.getMessage());
    assertTrue(e.getMessage().contains("[a-z0-9_]+"), e.getMessage());
  }

  @Test
  void headerWithoutZonesIsRefused() {
    InvalidGazetteerException e = invalid("empty-zones.csv", "# nothing yet", HEADER);

    assertTrue(e.getMessage().contains("empty-zones.csv"), e.getMessage());
    assertTrue(e.getMessage().contains("lists no zones"), e.getMessage());
  }
}
