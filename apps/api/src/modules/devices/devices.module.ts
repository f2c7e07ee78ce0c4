import { Module } from '@nestjs/common';
import { DevicesController } from './devices.controller.js';
import { DevicePresence } from './device-presence.js';
import { DevicesService } from './devices.service.js';
import { DEVICE_SESSIONS } from '../../common/session-lookup.js';

@Module({ controllers: [DevicesController], providers: [DevicesService, DevicePresence, { provide: DEVICE_SESSIONS, useExisting: DevicesService }], exports: [DevicesService, DevicePresence, DEVICE_SESSIONS] })
export class DevicesModule {}
