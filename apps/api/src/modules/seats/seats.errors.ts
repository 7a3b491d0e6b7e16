import { AppError } from '../../errors.js';

export class SeatLimitReachedError extends AppError {
  constructor(subscriptionName: string, free: number, wanted: number) {
    super(
      'SEAT_LIMIT_REACHED',
      free === 0
        ? `No seat of ${subscriptionName} is free: unassign one first or buy more.`
        : `Only ${free} seat${free === 1 ? '' : 's'} of ${subscriptionName} ${free === 1 ? 'is' : 'are'} free; ${wanted} were asked for.`,
      'subscriptionId',
    );
  }
}

export class SeatAlreadyAssignedError extends AppError {
  constructor(subscriptionName: string) {
    super('SEAT_ALREADY_ASSIGNED', `This person already has a seat of ${subscriptionName}.`, 'userId');
  }
}

export class SubscriptionNotAssignableError extends AppError {
  constructor(subscriptionName: string, why: 'cancelled' | 'expired') {
    super('SUBSCRIPTION_NOT_ASSIGNABLE', `${subscriptionName} is ${why}: its seats cannot be assigned.`, 'subscriptionId');
  }
}
