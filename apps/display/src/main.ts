import '@motcua/web/styles.css';
import { createApp } from 'vue';
import App from './App.vue';
import { i18n } from './i18n/index.js';
import { router } from './router/index.js';

document.documentElement.lang = i18n.global.locale.value;
const app = createApp(App).use(i18n).use(router);
// Mount once the first route is known, so full-screen pages never flash the top bar.
void router.isReady().then(() => app.mount('#app'));
