import { Injectable } from '@nestjs/common';
import type { EntityManager, QueryDeepPartialEntity } from 'typeorm';
import { DomainError } from '../../common/domain-error';
import { normalizePhone } from '../../common/phone';
import { ContractAssignee } from '../contracts/contract-assignee.entity';
import { ContractItem } from '../contracts/contract-item.entity';
import { Contract } from '../contracts/contract.entity';
import { Customer } from '../customers/customer.entity';
import { StaffUser } from '../staff/staff-user.entity';
import type { ExchangeBatch } from './records';

export interface UpsertCounts {
  created: number;
  updated: number;
}

/**
 * Writes 1C records into the database by 1C id, inside the caller's transaction. The demo loader
 * uses it today; the 1C file importer hands it what it parses.
 */
@Injectable()
export class ExchangeUpsertService {
  async apply(tx: EntityManager, batch: ExchangeBatch): Promise<UpsertCounts> {
    const counts: UpsertCounts = { created: 0, updated: 0 };
    const staffIds = new Map<string, string>();
    for (const s of batch.staff) {
      const values = {
        externalId: s.externalId,
        login: s.login.trim().toLowerCase(),
        fullName: s.fullName,
        role: s.role,
        phone: normalizePhone(s.phone),
        email: s.email,
      };
      const existing = await tx.findOne(StaffUser, { where: { externalId: s.externalId } });
      if (existing) {
        await tx.update(StaffUser, { id: existing.id }, values);
        staffIds.set(s.externalId, existing.id);
        counts.updated++;
      } else {
        const created = await tx.save(tx.create(StaffUser, { ...values, passwordHash: null }));
        staffIds.set(s.externalId, created.id);
        counts.created++;
      }
    }
    const customerIds = new Map<string, string>();
    for (const c of batch.customers) {
      const values = {
        externalId: c.externalId,
        fullName: c.fullName,
        phoneRaw: c.phoneRaw,
        phone: normalizePhone(c.phoneRaw),
        email: c.email,
        bonusBalance: c.bonusBalance,
        requisites: c.requisites,
        archivedAt: null,
      };
      const existing = await tx.findOne(Customer, { where: { externalId: c.externalId } });
      if (existing) {
        await tx.update(Customer, { id: existing.id }, values);
        customerIds.set(c.externalId, existing.id);
        counts.updated++;
      } else {
        const created = await tx.save(tx.create(Customer, values));
        customerIds.set(c.externalId, created.id);
        counts.created++;
      }
    }
    const staffId = async (externalId: string) => {
      const known = staffIds.get(externalId);
      if (known) return known;
      const row = await tx.findOne(StaffUser, { where: { externalId }, select: { id: true } });
      if (!row) throw new DomainError('validation_failed', `Unknown staff member ${externalId}`);
      return row.id;
    };
    for (const k of batch.contracts) {
      const customerId =
        customerIds.get(k.customerExternalId) ??
        (await tx.findOne(Customer, { where: { externalId: k.customerExternalId } }))?.id;
      if (!customerId) {
        throw new DomainError('validation_failed', `Unknown customer ${k.customerExternalId}`);
      }
      const values = {
        externalId: k.externalId,
        number: k.number,
        date: k.date,
        customerId,
        managerId: k.managerExternalId ? await staffId(k.managerExternalId) : null,
        kind: k.kind,
        status: k.status,
        closed: k.closed,
        total: k.total,
        currency: k.currency,
        plannedEndDate: k.plannedEndDate,
        object: k.object,
        requisites: k.requisites,
        archivedAt: null,
      };
      const existing = await tx.findOne(Contract, { where: { externalId: k.externalId } });
      let contractId: string;
      if (existing) {
        await tx.update(Contract, { id: existing.id }, values as QueryDeepPartialEntity<Contract>);
        contractId = existing.id;
        counts.updated++;
      } else {
        contractId = (await tx.save(tx.create(Contract, values))).id;
        counts.created++;
      }
      await tx.delete(ContractItem, { contractId });
      if (k.items.length) {
        await tx.insert(
          ContractItem,
          k.items.map((item, index) => ({ ...item, contractId, lineNo: index + 1 })),
        );
      }
      await tx.delete(ContractAssignee, { contractId });
      for (const externalId of k.assigneeExternalIds) {
        await tx.insert(ContractAssignee, { contractId, staffUserId: await staffId(externalId) });
      }
    }
    return counts;
  }
}
