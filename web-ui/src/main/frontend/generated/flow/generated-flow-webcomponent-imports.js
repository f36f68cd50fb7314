import { injectGlobalWebcomponentCss } from 'Frontend/generated/jar-resources/theme-util.js';

import '@vaadin/polymer-legacy-adapter/style-modules.js';
import '@vaadin/vertical-layout/src/vaadin-vertical-layout.js';
import '@vaadin/app-layout/src/vaadin-app-layout.js';
import '@vaadin/app-layout/src/vaadin-drawer-toggle.js';
import '@vaadin/button/src/vaadin-button.js';
import '@vaadin/tooltip/src/vaadin-tooltip.js';
import 'Frontend/generated/jar-resources/disableOnClickFunctions.js';
import '@vaadin/side-nav/src/vaadin-side-nav.js';
import '@vaadin/side-nav/src/vaadin-side-nav-item.js';
import '@vaadin/icons/vaadin-iconset.js';
import '@vaadin/icon/src/vaadin-icon.js';
import '@vaadin/vaadin-lumo-styles/sizing.js';
import '@vaadin/vaadin-lumo-styles/spacing.js';
import '@vaadin/vaadin-lumo-styles/style.js';
import '@vaadin/vaadin-lumo-styles/vaadin-iconset.js';
import '@vaadin/common-frontend/ConnectionIndicator.js';
import 'Frontend/generated/jar-resources/ReactRouterOutletElement.tsx';

const loadOnDemand = (key) => {
  const pending = [];
  if (key === '1d1d73e070f3c9a19ecf334d9b887d3a535731b30515b6f541ddccfcf7a354de') {
    pending.push(import('./chunks/chunk-c0d979e42ef4710091abe909d6f229da1dd29a3cc941345571645042c6358ae0.js'));
  }
  if (key === 'cf47838b528c0d7b281fbf478760d730bca3d2ecdf3953263e9f11a25959b94a') {
    pending.push(import('./chunks/chunk-c0d979e42ef4710091abe909d6f229da1dd29a3cc941345571645042c6358ae0.js'));
  }
  if (key === 'f6cd7f15cda4475c6b74f3c4293a9128ff15001971a48ec8fd2f15c1d3240f28') {
    pending.push(import('./chunks/chunk-c0d979e42ef4710091abe909d6f229da1dd29a3cc941345571645042c6358ae0.js'));
  }
  if (key === '3dc198785a61bb69e3f7df64cd35b796a42c2e3597680f3761be05d806d6b570') {
    pending.push(import('./chunks/chunk-c0d979e42ef4710091abe909d6f229da1dd29a3cc941345571645042c6358ae0.js'));
  }
  if (key === 'd3eb0e591f5dc97fcf0e9149fe5d5e5efc7bc52c528f5bd7afe133308945e008') {
    pending.push(import('./chunks/chunk-c0d979e42ef4710091abe909d6f229da1dd29a3cc941345571645042c6358ae0.js'));
  }
  return Promise.all(pending);
}

window.Vaadin = window.Vaadin || {};
window.Vaadin.Flow = window.Vaadin.Flow || {};
window.Vaadin.Flow.loadOnDemand = loadOnDemand;
window.Vaadin.Flow.resetFocus = () => {
 let ae=document.activeElement;
 while(ae&&ae.shadowRoot) ae = ae.shadowRoot.activeElement;
 return !ae || ae.blur() || ae.focus() || true;
}