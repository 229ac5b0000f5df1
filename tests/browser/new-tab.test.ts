import assert from "node:assert/strict";
import { test } from "node:test";
import type { Page } from "playwright-core";
import { newTab } from "./chromium.ts";

/** A stand-in for a browser context whose answers to `newPage` are given by `answers`, one a call. */
function contextAnswering(...answers: Array<"never" | "now" | "late">) {
  const asked: number[] = [];
  const closed: number[] = [];
  const context = {
    newPage(): Promise<Page> {
      const call = asked.push(asked.length + 1);
      const page = { id: call, close: async () => void closed.push(call) } as unknown as Page;
      const answer = answers[call - 1];
      if (answer === "now") return Promise.resolve(page);
      if (answer === "late") return new Promise((resolve) => setTimeout(() => resolve(page), 60));
      return new Promise(() => {});
    },
  };
  return { context, asked, closed };
}

test("a tab Chromium gives at once is the tab", async () => {
  const { context, asked } = contextAnswering("now");
  assert.equal(((await newTab(context, 20)) as unknown as { id: number }).id, 1);
  assert.equal(asked.length, 1);
});

test("an unanswered request for a tab is made once more; a late answer to the first is closed", async () => {
  const { context, asked, closed } = contextAnswering("late", "now");
  assert.equal(((await newTab(context, 20)) as unknown as { id: number }).id, 2);
  assert.equal(asked.length, 2);
  await new Promise((resolve) => setTimeout(resolve, 100));
  assert.deepEqual(closed, [1]);
});

test("two unanswered requests fail the test instead of waiting for ever", async () => {
  const { context, asked } = contextAnswering("never", "never", "now");
  await assert.rejects(newTab(context, 20), /opened no new tab in 0\.02 s, twice/);
  assert.equal(asked.length, 2);
});
