import assert from "node:assert/strict";
import { test } from "node:test";
import { isAllowedHost } from "../../src/cli/dev-server.ts";

const machine = () => ["192.168.1.20", "[fe80::1]", "studio", "studio.local"];

test("Host: loopback names on the server's port are accepted, other names and ports are not", () => {
  for (const header of ["127.0.0.1:8080", "localhost:8080", "LOCALHOST:8080", "localhost.:8080", "[::1]:8080", "app.localhost:8080"]) {
    assert.equal(isAllowedHost(header, "127.0.0.1", 8080, machine), true, header);
  }
  for (const header of [
    undefined,
    "",
    "evil.example:8080",
    "evil.example",
    "localhost.evil.example:8080",
    "127.0.0.1.nip.io:8080",
    "127.0.0.1:8081",
    "127.0.0.1",
    "localhost:8080:8080",
    "192.168.1.20:8080",
    "studio:8080",
    "[::1]x:8080",
  ]) {
    assert.equal(isAllowedHost(header, "127.0.0.1", 8080, machine), false, String(header));
  }
});

test("Host: without a port only on port 80", () => {
  assert.equal(isAllowedHost("localhost", "127.0.0.1", 80, machine), true);
  assert.equal(isAllowedHost("localhost:80", "127.0.0.1", 80, machine), true);
  assert.equal(isAllowedHost("localhost", "127.0.0.1", 8080, machine), false);
});

test("Host: the HOST the server was started with, and with 0.0.0.0 or :: this computer's addresses and names", () => {
  assert.equal(isAllowedHost("studio.lan:3000", "studio.lan", 3000, machine), true);
  assert.equal(isAllowedHost("[fe80::2]:3000", "fe80::2", 3000, machine), true);
  assert.equal(isAllowedHost("studio:3000", "studio.lan", 3000, machine), false);
  for (const host of ["0.0.0.0", "::"]) {
    for (const header of ["192.168.1.20:3000", "[FE80::1]:3000", "studio:3000", "Studio.local:3000", "localhost:3000"]) {
      assert.equal(isAllowedHost(header, host, 3000, machine), true, `${host} ${header}`);
    }
    assert.equal(isAllowedHost("evil.example:3000", host, 3000, machine), false);
    assert.equal(isAllowedHost("192.168.1.21:3000", host, 3000, machine), false);
  }
  assert.equal(isAllowedHost("0.0.0.0:3000", "0.0.0.0", 3000, machine), true, "the address printed on start works");
  assert.equal(isAllowedHost("[::]:3000", "::", 3000, machine), true);
});
