// Stands in for puppeteer-core's WebDriver BiDi layer (with chromium-bidi, about 1 MB), which it
// imports only for protocol: 'webDriverBiDi'. smplan talks CDP to Chromium and never asks for it.
throw new Error("puppeteer-core's WebDriver BiDi support is not part of smplan's bundle");
