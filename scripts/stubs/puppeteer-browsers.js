// Stands in for @puppeteer/browsers in the bundle. puppeteer-core imports it to download, find and
// launch browsers; smplan finds the browser itself (src/render/browser/), spawns it and only calls
// puppeteer.defaultArgs() and puppeteer.connect(), which use none of it. Left out, the PDF chunk
// loses its downloader, archive readers and proxy/PAC engine (about 2 MB). Should a puppeteer
// update start calling one of these, it fails loudly (and the PDF tests with it) instead of
// doing something unplanned.
// The enums are the real ones (scripts/build.mjs points this import at the package's types.js).
export { Browser, BrowserPlatform, BrowserTag, ChromeReleaseChannel } from 'smplan:puppeteer-browsers-types';

const notBundled = (name) => () => {
  throw new Error(`@puppeteer/browsers ${name}() is not part of smplan's bundle`);
};
export const computeSystemExecutablePath = notBundled('computeSystemExecutablePath');
export const computeExecutablePath = notBundled('computeExecutablePath');
export const launch = notBundled('launch');
export const resolveBuildId = notBundled('resolveBuildId');
export const detectBrowserPlatform = notBundled('detectBrowserPlatform');
export const getInstalledBrowsers = notBundled('getInstalledBrowsers');
export const uninstall = notBundled('uninstall');
export const createProfile = notBundled('createProfile');
export const resolveDefaultUserDataDir = notBundled('resolveDefaultUserDataDir');
export class TimeoutError extends Error {}
export const CDP_WEBSOCKET_ENDPOINT_REGEX = /^DevTools listening on (ws:\/\/.*)$/;
export const WEBDRIVER_BIDI_WEBSOCKET_ENDPOINT_REGEX = /^WebDriver BiDi listening on (ws:\/\/.*)$/;
