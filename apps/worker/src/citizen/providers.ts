import type { CitizenChannel } from '@motcua/contracts';
import { parseOutboundAllow, postGuarded, type OutboundPolicy } from '@motcua/platform';
import nodemailer, { type Transporter } from 'nodemailer';
import type { WorkerConfig } from '../config/config.js';
import { webhookSignature } from '../deliveries/delivery.service.js';

const TIMEOUT_MS = 10_000;

/** One message to one citizen on one channel, as the delivery row holds it. */
export interface CitizenMessage {
  deliveryId: string;
  /** `<event key>:<channel>`: gateways and receivers may drop a repeat (a crash between sending and recording). */
  idempotencyKey: string;
  event: string;
  language: string;
  reference: string;
  to: string;
  subject: string;
  text: string;
  optOutUrl: string | null;
  createdAt: string;
}

/** The one interface every citizen channel implements; a thrown error means "retry later". */
export interface CitizenProvider {
  readonly channel: CitizenChannel;
  send(message: CitizenMessage): Promise<void>;
  close?(): void;
}

/** Gateways come from configuration, and still go through the outbound guard (OUTBOUND_ALLOW for a local one). */
let policy: OutboundPolicy = { allow: [] };
async function postJson(url: string, headers: Record<string, string>, body: string): Promise<void> {
  const res = await postGuarded(url, headers, body, policy, TIMEOUT_MS);
  if (res.status < 200 || res.status >= 300) throw new Error(`HTTP ${res.status} from ${new URL(url).host}`);
}

export class EmailProvider implements CitizenProvider {
  readonly channel = 'email' as const;
  readonly #mail: Transporter;
  constructor(smtpUrl: string, private readonly from: string) {
    this.#mail = nodemailer.createTransport(smtpUrl);
  }
  async send(m: CitizenMessage): Promise<void> {
    await this.#mail.sendMail({
      from: this.from, to: m.to, subject: m.subject, text: m.text,
      headers: { 'X-Motcua-Idempotency-Key': m.idempotencyKey, ...(m.optOutUrl ? { 'List-Unsubscribe': `<${m.optOutUrl}>` } : {}) },
    });
  }
  close(): void {
    this.#mail.close();
  }
}

/**
 * SMS and Zalo through an HTTP gateway: `POST <url>` with a bearer token and
 * `{ channel, to, text, idempotencyKey, reference }`; any 2xx is "accepted". Real
 * gateways (brandname SMS, Zalo ZNS) sit behind a small adapter speaking this.
 */
export class HttpGatewayProvider implements CitizenProvider {
  constructor(readonly channel: 'sms' | 'zalo', private readonly url: string, private readonly token: string | undefined) {}
  async send(m: CitizenMessage): Promise<void> {
    const body = JSON.stringify({ channel: this.channel, to: m.to, text: m.text, idempotencyKey: m.idempotencyKey, reference: m.reference, language: m.language });
    await postJson(this.url, { 'idempotency-key': m.idempotencyKey, ...(this.token ? { authorization: `Bearer ${this.token}` } : {}) }, body);
  }
}

/** Every message, signed like the alert webhooks: `X-Motcua-Signature` = HMAC-SHA256 of `timestamp.body`. */
export class SignedWebhookProvider implements CitizenProvider {
  readonly channel = 'webhook' as const;
  constructor(private readonly url: string, private readonly secret: string) {}
  async send(m: CitizenMessage): Promise<void> {
    const body = JSON.stringify({ id: m.deliveryId, idempotencyKey: m.idempotencyKey, event: m.event, language: m.language, reference: m.reference, subject: m.subject, text: m.text, optOutUrl: m.optOutUrl, createdAt: m.createdAt });
    const timestamp = String(Math.floor(Date.now() / 1000));
    await postJson(this.url, { 'x-motcua-timestamp': timestamp, 'x-motcua-signature': webhookSignature(this.secret, timestamp, body), 'idempotency-key': m.idempotencyKey }, body);
  }
}

/** The channels this deployment has configured. */
export function citizenProviders(c: WorkerConfig): Map<CitizenChannel, CitizenProvider> {
  policy = { allow: parseOutboundAllow(c.OUTBOUND_ALLOW) };
  const list: CitizenProvider[] = [
    ...(c.SMTP_URL ? [new EmailProvider(c.SMTP_URL, c.SMTP_FROM)] : []),
    ...(c.SMS_GATEWAY_URL ? [new HttpGatewayProvider('sms', c.SMS_GATEWAY_URL, c.SMS_GATEWAY_TOKEN)] : []),
    ...(c.ZALO_GATEWAY_URL ? [new HttpGatewayProvider('zalo', c.ZALO_GATEWAY_URL, c.ZALO_GATEWAY_TOKEN)] : []),
    ...(c.CITIZEN_WEBHOOK_URL && c.CITIZEN_WEBHOOK_SECRET ? [new SignedWebhookProvider(c.CITIZEN_WEBHOOK_URL, c.CITIZEN_WEBHOOK_SECRET)] : []),
  ];
  return new Map(list.map((p) => [p.channel, p]));
}
