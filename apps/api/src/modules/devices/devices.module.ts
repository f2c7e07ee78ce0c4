import { Module } from '@nestjs/common';
import { DevicesController } from './devices.controller.js';
import { DevicePresence } from './device-presence.js';
import { DevicesService } from './devices.service.js';

@Module({ controllers: [DevicesController], providers: [DevicesService, DevicePresence], exports: [DevicesService, DevicePresence] })
export class DevicesModule {}
