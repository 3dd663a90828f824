/** Sends a text message. The app talks to SMS gateways only through this interface. */
export interface SmsSender {
  send(phone: string, text: string): Promise<void>;
}

export const SMS_SENDER = Symbol('SMS_SENDER');

export class SmsDeliveryError extends Error {}
