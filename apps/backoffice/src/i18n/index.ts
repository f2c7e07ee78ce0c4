import { createAppI18n } from '@motcua/web';
import { messages } from './messages.js';

export const { i18n, setLocale } = createAppI18n('backoffice', messages);
