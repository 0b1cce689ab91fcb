package org.discourseatlas.turns;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class OutletsTest {
  private final Outlets outlets = Outlets.shippedPlus(List.of("Sina Weibo"));

  @Test
  void listedNamesAreOutletsWhateverTheirCase() {
    assertTrue(outlets.contains("Reuters"));
    assertTrue(outlets.contains("CCTV"));
    assertTrue(outlets.contains("cctv"));
    assertTrue(outlets.contains("The Paper"));
    assertTrue(outlets.contains("RIA  Novosti"), "spaces folded");
  }

  @Test
  void configuredNamesJoinTheShippedList() {
    assertTrue(outlets.contains("Sina Weibo"));
    assertFalse(Outlets.shippedPlus(List.of()).contains("Sina Weibo"));
  }

  @Test
  void aShortCapitalisedNameEndingInAKindOfOutletIsOne() {
    assertTrue(outlets.contains("Shenzhen TV"));
    assertTrue(outlets.contains("Yonhap News Agency"));
    assertTrue(outlets.contains("Hong Kong Commercial Daily"));
    assertTrue(outlets.contains("Voice of the People Radio"));
  }

  @Test
  void wordsThatOnlyEndLikeAnOutletAreNot() {
    assertFalse(outlets.contains("Times"), "one word needs the list");
    assertFalse(outlets.contains("we have already heard uttered 23 times"));
    assertFalse(outlets.contains("Wall, which heralded the end of the cold war at such times"));
    assertFalse(outlets.contains("One Two Three Four Five Six Times"), "too long for a name");
    assertFalse(outlets.contains("Sergey Lavrov"));
    assertFalse(outlets.contains(""));
    assertFalse(outlets.contains(null));
  }
}
