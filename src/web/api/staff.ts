import { z } from 'zod';
import { StaffMember, type StaffCreate, type StaffUpdate } from '../../domain/staff.js';
import { get, sendVersioned, versionTag } from './client.js';

export const staffKeys = { all: ['staff'] as const };

const StaffList = z.object({ staff: z.array(StaffMember) });

export async function listStaff(signal?: AbortSignal): Promise<StaffMember[]> {
  return (await get('/api/v1/staff', StaffList, signal)).staff;
}

export async function createStaff(member: StaffCreate): Promise<StaffMember> {
  return (await sendVersioned('POST', '/api/v1/staff', StaffMember, { body: member })).value;
}

/** The list carries each member's version, so the ETag comes from the row being edited. */
export async function updateStaff(member: StaffMember, update: StaffUpdate): Promise<StaffMember> {
  const path = `/api/v1/staff/${encodeURIComponent(member.id)}`;
  return (
    await sendVersioned('PUT', path, StaffMember, {
      body: update,
      ifMatch: versionTag(member.version),
    })
  ).value;
}
