import { Logger } from '@nestjs/common';
import { SmsDeliveryError, type SmsSender } from './sms-sender';

interface SmsRuResponse {
  status?: string;
  status_code?: number;
  status_text?: string;
  sms?: Record<string, { status?: string; status_code?: number; status_text?: string }>;
}

/** SMS.ru HTTP API (https://sms.ru/api/send): POST /sms/send with `json=1`. */
export class SmsRuSender implements SmsSender {
  private readonly logger = new Logger('SmsRu');

  constructor(
    private readonly options: { apiId: string; baseUrl: string; from?: string; timeoutMs?: number },
  ) {}

  async send(phone: string, text: string): Promise<void> {
    const to = phone.replace(/^\+/, '');
    const body = new URLSearchParams({ api_id: this.options.apiId, to, msg: text, json: '1' });
    if (this.options.from) body.set('from', this.options.from);
    let response: Response;
    try {
      response = await fetch(new URL('/sms/send', this.options.baseUrl), {
        method: 'POST',
        body,
        signal: AbortSignal.timeout(this.options.timeoutMs ?? 10_000),
      });
    } catch (err) {
      throw new SmsDeliveryError(`SMS.ru unreachable: ${(err as Error).message}`);
    }
    if (!response.ok) throw new SmsDeliveryError(`SMS.ru answered HTTP ${response.status}`);
    const json = (await response.json()) as SmsRuResponse;
    const perPhone = json.sms?.[to];
    if (json.status !== 'OK' || (perPhone && perPhone.status !== 'OK')) {
      const reason = perPhone?.status_text ?? json.status_text ?? 'unknown error';
      throw new SmsDeliveryError(`SMS.ru refused the message: ${reason}`);
    }
    this.logger.log(`SMS to ${phone} accepted by SMS.ru`);
  }
}
