package org.discourseatlas.config;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigObject;
import com.typesafe.config.ConfigValue;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class ConfigKeysTest {
  private static final String ROOT = JobConfigLoader.ROOT;

  private static ConfigObject parse(String hocon) {
    return ConfigFactory.parseString(hocon).root();
  }

  @Test
  void anObjectEmptyInTheDefaultsIsAnOpenMapOfUserNames() {
    // reference.conf has no open map today; this is the rule a future one (say, outlet names to
    // kinds) would rely on: empty in the defaults, so its keys can only be the user's own.
    ConfigKeys keys =
        new ConfigKeys(ROOT, parse("outlet-kinds {}\nzones { window = 2 }").toConfig().root());

    assertDoesNotThrow(
        () ->
            keys.check(
                parse(
                    ROOT
                        + " { outlet-kinds { \"Reuters\" = agency, \"RT Arabic\" { kind = tv } } }")));
    InvalidConfigException e =
        assertThrows(
            InvalidConfigException.class,
            () -> keys.check(parse(ROOT + " { outlet-kinds {}, zones { windows = 3 } }")));
    assertEquals(
        "config: unknown key discourse-atlas.zones.windows in String: 1; did you mean"
            + " discourse-atlas.zones.window?",
        e.getMessage());
  }

  /**
   * The loader reads exactly the leaves of reference.conf's block: a key it read without a default
   * would be rejected by the check (as unknown), and a default it never read would be accepted and
   * ignored, the silent failure the check exists to stop.
   */
  @Test
  void theLoaderReadsEveryDefaultAndNothingElse() {
    Config reference = ConfigFactory.defaultReference();
    Set<String> read = new TreeSet<>();
    Config recording =
        (Config)
            Proxy.newProxyInstance(
                Config.class.getClassLoader(),
                new Class<?>[] {Config.class},
                (proxy, method, args) -> {
                  if (method.getName().equals("resolve")) {
                    return proxy; // fromConfig resolves first; keep recording after it
                  }
                  if (args != null && args.length == 1 && args[0] instanceof String path) {
                    read.add(path);
                  }
                  try {
                    return method.invoke(reference, args);
                  } catch (InvocationTargetException e) {
                    throw e.getCause();
                  }
                });

    JobConfigLoader.fromConfig(recording);

    Set<String> leaves = new TreeSet<>();
    collectLeaves(ROOT + ".", reference.getObject(ROOT), leaves);
    read.remove(ROOT); // the whole block, read to render it into the run manifest
    Set<String> neverRead = new TreeSet<>(leaves);
    neverRead.removeAll(read);
    Set<String> noDefault = new TreeSet<>(read);
    noDefault.removeAll(leaves);
    assertEquals(Set.of(), neverRead, "defaults the loader never reads");
    assertEquals(Set.of(), noDefault, "keys the loader reads without a default");
    assertTrue(leaves.size() > 60, "the walk found reference.conf's 65 keys: " + leaves.size());
  }

  private static void collectLeaves(String prefix, ConfigObject object, Set<String> leaves) {
    for (Map.Entry<String, ConfigValue> entry : object.entrySet()) {
      if (entry.getValue() instanceof ConfigObject child && !child.isEmpty()) {
        collectLeaves(prefix + entry.getKey() + ".", child, leaves);
      } else {
        leaves.add(prefix + entry.getKey());
      }
    }
  }
}
