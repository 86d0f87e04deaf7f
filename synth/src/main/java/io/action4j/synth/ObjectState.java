package io.action4j.synth;

/**
 * Where the labelled object is in one frame, as the frame shows it (camera jitter included).
 *
 * @param centreX  centre, in pixels from the frame's left edge
 * @param centreY  centre, in pixels from the frame's top edge
 * @param angle    radians, counter-clockwise as seen on the screen; not wrapped, so it changes
 *                 monotonically over a rotating video
 * @param radius   the object's size: its outline's radius in pixels
 * @param cameraX  the camera's shift this frame, in pixels (the scene moves the other way)
 * @param cameraY  the camera's shift this frame, in pixels
 */
public record ObjectState(double centreX, double centreY, double angle, double radius, int cameraX, int cameraY) {
}
