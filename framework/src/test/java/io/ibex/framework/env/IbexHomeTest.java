package io.ibex.framework.env;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class IbexHomeTest {
    @Test void ibexHomeWinsOverHome() {
        assertEquals(Path.of("/srv/ibex"), IbexHome.dir(Map.of("IBEX_HOME", "/srv/ibex", "HOME", "/tmp/x"), "/home/real"));
    }

    @Test void homeWinsOverJavasUserHome() {
        assertEquals(Path.of("/tmp/x/.ibex"), IbexHome.dir(Map.of("HOME", "/tmp/x"), "/home/real"));
        assertEquals(Path.of("/tmp/x"), IbexHome.userHome(Map.of("HOME", "/tmp/x"), "/home/real"));
    }

    @Test void userHomeWhenNeitherIsSet() {
        assertEquals(Path.of("/home/real/.ibex"), IbexHome.dir(Map.of("HOME", " "), "/home/real"));
        assertEquals(Path.of("/home/real"), IbexHome.userHome(Map.of(), "/home/real"));
    }
}
