import { options, type VNode } from "preact";
import { renderToString } from "preact-render-to-string";
import { hrefFor, isSitePath, mapSrcset, rewriteAddresses } from "../site/urls.ts";

/** Attributes whose value is one address. */
const ADDRESS_ATTRIBUTES = ["href", "src", "action", "poster", "data"] as const;

/** The base path of the page being rendered; "/" outside `renderPage`. */
let base = "/";

/**
 * Renders a page to an HTML document whose every address is an href under `basePath`. Views
 * write site paths (`/talks/x/`); while the page renders, each element's address attributes
 * and the HTML it inserts raw (rendered markdown) are mapped through `hrefFor` from the one
 * URL module, so a view never builds an href itself and a new view cannot forget to.
 */
export function renderPage(page: VNode, basePath: string): string {
  base = basePath;
  try {
    return `<!DOCTYPE html>${renderToString(page)}`;
  } finally {
    base = "/";
  }
}

const toHref = (address: string) => (isSitePath(address) ? hrefFor(base, address) : address);

// Components run while the page renders, so every element they create passes through here.
const previousHook = options.vnode;
options.vnode = (vnode) => {
  // A script's own address moves under the base path too; its text (JSON-LD) is data, left as it is.
  if (base !== "/" && vnode.type === "script") {
    const props = vnode.props as Record<string, unknown>;
    if (typeof props.src === "string") props.src = toHref(props.src);
  }
  if (base !== "/" && typeof vnode.type === "string" && vnode.type !== "script" && vnode.type !== "style") {
    const props = vnode.props as Record<string, unknown>;
    for (const name of ADDRESS_ATTRIBUTES) {
      const value = props[name];
      if (typeof value === "string") props[name] = toHref(value);
    }
    for (const name of ["srcset", "srcSet"] as const) {
      const value = props[name];
      if (typeof value === "string") props[name] = mapSrcset(value, toHref);
    }
    // A script's text (structured data, an inline script) is not HTML: only its src is an address.
    const raw = vnode.type === "script" ? undefined : (props.dangerouslySetInnerHTML as { __html?: unknown } | undefined);
    if (raw && typeof raw.__html === "string") props.dangerouslySetInnerHTML = { __html: rewriteAddresses(raw.__html, toHref) };
  }
  previousHook?.(vnode);
};
