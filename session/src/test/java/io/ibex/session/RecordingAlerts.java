package io.ibex.session;

import java.util.ArrayList;
import java.util.List;

final class RecordingAlerts implements AlertSink {
    final List<String> alerts = new ArrayList<>();
    final List<String> notices = new ArrayList<>();

    @Override public void alert(String message) { alerts.add(message); }

    @Override public void notice(String message) { notices.add(message); }
}
