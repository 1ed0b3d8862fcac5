package com.acme.vapi;

// tag::weather-tools[]
import java.time.LocalDate;
import java.util.Optional;

import io.github.vapiwebhook.tools.ToolParam;
import io.github.vapiwebhook.tools.VapiTool;

import org.springframework.stereotype.Component;

@Component
class WeatherTools {

	@VapiTool(name = "get_weather", description = "Current weather in a city")
	String weather(@ToolParam(description = "City name, e.g. Paris") String city,
			@ToolParam(description = "Day, default today") Optional<LocalDate> day) {
		return "Sunny, 21 degrees in " + city + " on " + day.orElse(LocalDate.now());
	}

}
// end::weather-tools[]
