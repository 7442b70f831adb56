package nl.bronhub.portaal;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * How the portal's sign-in locks key a client address, and the turn each address waits for before a password is checked
 * (a hostile school found that an IPv6 client escaped a lock by changing the last bits of its address, and that
 * sign-ins sent at once were all checked before the first failure was counted).
 */
class InlogAdresTest {

    private final PortaalAccounts accounts = new PortaalAccounts(null, Clock.systemUTC(),
            new PortaalEigenschappen(0, "127.0.0.1", "", 5, Duration.ofMinutes(15), 20, 12, "https://localhost/portaal"));

    @Test
    void eenIpv6AdresTeltAlsZijnNetwerk() {
        assertThat(PortaalAccounts.adres("2001:db8:1:2:aaaa:bbbb:cccc:dddd")).isEqualTo("2001:db8:1:2::/64");
        assertThat(PortaalAccounts.adres("2001:0db8:0001:0002:0:0:0:1")).isEqualTo("2001:db8:1:2::/64");
        assertThat(PortaalAccounts.adres("2001:db8:1:3::1")).isEqualTo("2001:db8:1:3::/64");
        assertThat(PortaalAccounts.adres("fe80::1%eth0")).isEqualTo("fe80:0:0:0::/64");
        assertThat(PortaalAccounts.adres("0:0:0:0:0:0:0:1")).isEqualTo("0:0:0:0::/64");
        // IPv4 whole, also when Tomcat writes it as IPv6
        assertThat(PortaalAccounts.adres("192.0.2.7")).isEqualTo("192.0.2.7");
        assertThat(PortaalAccounts.adres("::ffff:192.0.2.7")).isEqualTo("192.0.2.7");
        // the key the list shows is its own key, so the helpdesk can lift it as shown
        assertThat(PortaalAccounts.adres("2001:db8:1:2::/64")).isEqualTo("2001:db8:1:2::/64");
        assertThat(PortaalAccounts.adres("x".repeat(100))).hasSize(64);
        assertThat(PortaalAccounts.adres(null)).isEmpty();
    }

    @Test
    void eenAdresWachtOpZijnBeurtEenAnderNiet() throws Exception {
        Optional<PortaalAccounts.Beurt> eerste = accounts.beurt("192.0.2.7");
        assertThat(eerste).isPresent();
        Optional<PortaalAccounts.Beurt> ander = accounts.beurt("2001:db8:9:9::1");
        assertThat(ander).as("another address does not wait").isPresent();
        // another host of the same IPv6 network waits, in vain while the turn is held
        assertThat(CompletableFuture.supplyAsync(() -> accounts.beurt("2001:db8:9:9::2"))
                .get(PortaalAccounts.BEURT_WACHTEN.toSeconds() + 5, TimeUnit.SECONDS)).isEmpty();
        ander.get().close();
        // the same address waits until the first gives its turn back (closing twice gives it back once)
        CompletableFuture<Optional<PortaalAccounts.Beurt>> tweede = CompletableFuture.supplyAsync(() -> accounts.beurt("192.0.2.7"));
        await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(2)).until(() -> !tweede.isDone());
        eerste.get().close();
        eerste.get().close();
        Optional<PortaalAccounts.Beurt> daarna = tweede.get(5, TimeUnit.SECONDS);
        assertThat(daarna).as("its turn came when the first closed").isPresent();
        assertThat(CompletableFuture.supplyAsync(() -> accounts.beurt("192.0.2.7"))
                .get(PortaalAccounts.BEURT_WACHTEN.toSeconds() + 5, TimeUnit.SECONDS)).as("one turn at a time").isEmpty();
        daarna.get().close();
        accounts.beurt("192.0.2.7").orElseThrow().close();
    }
}
