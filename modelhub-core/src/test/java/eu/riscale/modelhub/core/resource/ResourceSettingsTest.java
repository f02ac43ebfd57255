package eu.riscale.modelhub.core.resource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ResourceSettingsTest {
    private static final Path HOME = Path.of("/home/someone");

    @Test
    void defaultCacheIsUnderTheHomeCacheFolder() {
        ResourceSettings s = ResourceSettings.fromEnvironment(Map.of(), HOME);
        assertThat(s.cacheDir()).isEqualTo(HOME.resolve(".cache/modelhub"));
        assertThat(s.offline()).isFalse();
    }

    @Test
    void environmentSetsCacheDirAndOfflineMode() {
        ResourceSettings s = ResourceSettings.fromEnvironment(
                Map.of(ResourceSettings.CACHE_DIR_ENV, "/data/cache", ResourceSettings.OFFLINE_ENV, "1"), HOME);
        assertThat(s.cacheDir()).isEqualTo(Path.of("/data/cache"));
        assertThat(s.offline()).isTrue();
        assertThat(ResourceSettings.fromEnvironment(Map.of(ResourceSettings.OFFLINE_ENV, "0"), HOME)
                        .offline())
                .isFalse();
    }

    @Test
    void oneDownloadMayTakeHalfAnHourByDefault() {
        assertThat(ResourceSettings.builder().build().downloadTimeout()).isEqualTo(Duration.ofMinutes(30));
    }

    @Test
    void builderCopiesAndChangesValues() {
        ResourceSettings s = ResourceSettings.builder()
                .cacheDir(Path.of("/c"))
                .readTimeout(Duration.ofMillis(300))
                .downloadTimeout(Duration.ofSeconds(90))
                .maxRedirects(0)
                .build();
        ResourceSettings t = s.with(b -> b.offline(true));
        assertThat(t.offline()).isTrue();
        assertThat(t.readTimeout()).isEqualTo(Duration.ofMillis(300));
        assertThat(t.downloadTimeout()).isEqualTo(Duration.ofSeconds(90));
        assertThat(t).isNotEqualTo(t.with(b -> b.downloadTimeout(Duration.ofSeconds(91))));
        assertThat(t.maxRedirects()).isZero();
        assertThat(t.toBuilder().offline(false).build()).isEqualTo(s);
    }

    @Test
    void builderRefusesInvalidValuesNamingTheSetting() {
        assertThatThrownBy(() -> ResourceSettings.builder().readTimeout(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("readTimeout must be positive, found PT0S");
        assertThatThrownBy(() -> ResourceSettings.builder().downloadTimeout(Duration.ofSeconds(-1)))
                .hasMessage("downloadTimeout must be positive, found PT-1S");
        assertThatThrownBy(() -> ResourceSettings.builder().maxDownloadBytes(-1))
                .hasMessage("maxDownloadBytes must be positive, found -1");
        assertThatThrownBy(() -> ResourceSettings.builder().maxRedirects(-1))
                .hasMessage("maxRedirects must be >= 0, found -1");
    }
}
